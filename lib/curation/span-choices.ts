// The spans a curator can give a unit's curated annotation without selecting text again: each
// analyst's own span, the union of all of them (the widest reading) and the part they share (the
// narrowest). Built from the annotations' own quotes, so the choice needs no access to the article.

export type Span = { start: number; end: number; exact: string };
export type SpanChoice = Span & { label: string };

/** The smallest span covering `spans` when each one reaches the next (a unit's annotations overlap); null when there is a gap. */
export function unionOf(spans: readonly Span[]): Span | null {
  if (spans.length === 0) return null;
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  let union: Span = { ...sorted[0]! };
  for (const s of sorted.slice(1)) {
    if (s.start > union.end) return null;
    if (s.end > union.end) union = { start: union.start, end: s.end, exact: union.exact + s.exact.slice(union.end - s.start) };
  }
  return union;
}

/** The part every span covers; null when they share no character. */
export function intersectionOf(spans: readonly Span[]): Span | null {
  if (spans.length === 0) return null;
  const start = Math.max(...spans.map((s) => s.start));
  const end = Math.min(...spans.map((s) => s.end));
  if (end <= start) return null;
  const from = spans[0]!;
  return { start, end, exact: from.exact.slice(start - from.start, end - from.start) };
}

/**
 * Every distinct span a curator may pick for a unit, the analysts' first, named by who marked them
 * ("Amira's span"), then the union and the shared part when they differ from those.
 */
export function spanChoices(annotations: ReadonlyArray<{ author: { name: string }; target: Span }>): SpanChoice[] {
  const out: SpanChoice[] = [];
  const add = (span: Span | null, label: string) => {
    if (!span) return;
    const same = out.find((c) => c.start === span.start && c.end === span.end);
    if (same) return;
    out.push({ start: span.start, end: span.end, exact: span.exact, label });
  };
  for (const a of annotations) add(a.target, `${a.author.name}’s span`);
  const targets = annotations.map((a) => a.target);
  add(unionOf(targets), 'All of them (union)');
  add(intersectionOf(targets), 'Only what they share');
  return out;
}
