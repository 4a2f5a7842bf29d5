export interface Span {
  start: number;
  end: number;
}

export interface TaggedSpan extends Span {
  id: string;
  tag: string;
  authorId: string;
}

export interface Conflict {
  a: string;
  b: string;
  tags: [string, string];
  overlap: number;
}

/** Share of the shorter span covered by the other; spans are [start, end). 0 if either is empty. */
export function overlapRatio(a: Span, b: Span): number {
  const shorter = Math.min(a.end - a.start, b.end - b.start);
  if (shorter <= 0) return 0;
  const shared = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  return shared <= 0 ? 0 : shared / shorter;
}

/** The minimum overlap (of the shorter span) for two annotations to be about the same claim. */
export const SAME_CLAIM_OVERLAP = 0.5;

/**
 * Every pair of annotations by different authors overlapping ≥ minRatio, in a deterministic order
 * (by start, end, id of the first; `a` always sorts before `b`).
 * Sort + sweep: each annotation is only compared with spans still open at its start,
 * so cost is O(n log n + n·k) for k = max concurrent spans, not O(n²).
 */
export function overlappingPairs<T extends TaggedSpan>(
  annotations: readonly T[],
  minRatio: number = SAME_CLAIM_OVERLAP,
): Array<{ a: T; b: T; overlap: number }> {
  const sorted = annotations
    .filter((x) => x.end > x.start)
    .sort((x, y) => x.start - y.start || x.end - y.end || compareIds(x.id, y.id));
  const out: Array<{ a: T; b: T; overlap: number }> = [];
  let active: T[] = [];
  for (const cur of sorted) {
    active = active.filter((x) => x.end > cur.start);
    for (const prev of active) {
      if (prev.authorId === cur.authorId) continue;
      const overlap = overlapRatio(prev, cur);
      if (overlap >= minRatio) out.push({ a: prev, b: cur, overlap });
    }
    active.push(cur);
  }
  return out;
}

/** Pairs by different authors covering the same claim (≥ 0.5 of the shorter span) with different tags. */
export function findConflicts(annotations: readonly TaggedSpan[]): Conflict[] {
  return overlappingPairs(annotations)
    .filter(({ a, b }) => a.tag !== b.tag)
    .map(({ a, b, overlap }) => ({ a: a.id, b: b.id, tags: [a.tag, b.tag], overlap }));
}

// Code-unit order, not locale order, so results don't depend on the runtime's locale.
export function compareIds(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}
