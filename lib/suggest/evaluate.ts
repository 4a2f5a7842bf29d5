/**
 * Scoring suggestions against an analyst's gold labels. Pure: the eval script only reads files
 * and prints what this returns.
 */
import type { Suggestion } from './suggest';

export type GoldClaim = { quote: string; label: string; /** 0-based, when the quote occurs more than once. */ occurrence?: number };
export type GoldFile = { claims: GoldClaim[] };
export type GoldSpan = GoldClaim & { start: number; end: number };

export type EvalRow = { gold: GoldSpan; suggestion: Suggestion | null; overlap: number; tagCorrect: boolean };

export type EvalReport = {
  precision: number;
  recall: number;
  /** Over matched pairs only. */
  tagAccuracy: number;
  suggested: number;
  gold: number;
  matched: number;
  rows: EvalRow[];
  /** Suggestions matching no gold claim (false positives), in text order. */
  unmatched: Suggestion[];
};

export class GoldQuoteNotFoundError extends Error {
  constructor(readonly quote: string) {
    super(`gold quote not found in the article text: "${quote.length > 80 ? `${quote.slice(0, 80)}…` : quote}"`);
    this.name = 'GoldQuoteNotFoundError';
  }
}

/** The app's canonical text for a plain-text fixture: lines trimmed, empty lines dropped, joined by "\n". */
export function canonicalFromPlainText(raw: string): string {
  return raw
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .join('\n');
}

export function locateGold(text: string, claims: GoldClaim[]): GoldSpan[] {
  return claims.map((claim) => {
    let at = -1;
    for (let n = 0; n <= (claim.occurrence ?? 0); n += 1) {
      at = text.indexOf(claim.quote, at + 1);
      if (at === -1) throw new GoldQuoteNotFoundError(claim.quote);
    }
    return { ...claim, start: at, end: at + claim.quote.length };
  });
}

/** Overlap as a share of the shorter span (0..1). */
export function overlapRatio(a: { start: number; end: number }, b: { start: number; end: number }): number {
  const inter = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  const shorter = Math.min(a.end - a.start, b.end - b.start);
  return inter <= 0 || shorter <= 0 ? 0 : inter / shorter;
}

export function evaluateSuggestions(text: string, gold: GoldClaim[], suggestions: Suggestion[], minOverlap = 0.5): EvalReport {
  const spans = locateGold(text, gold);
  // Best overlaps first, then text order: a deterministic one-to-one matching.
  const pairs: Array<{ g: number; s: number; overlap: number }> = [];
  spans.forEach((g, gi) =>
    suggestions.forEach((s, si) => {
      const overlap = overlapRatio(g, s);
      if (overlap >= minOverlap) pairs.push({ g: gi, s: si, overlap });
    }),
  );
  pairs.sort((a, b) => b.overlap - a.overlap || spans[a.g].start - spans[b.g].start || suggestions[a.s].start - suggestions[b.s].start);
  const goldTaken = new Map<number, { s: number; overlap: number }>();
  const sugTaken = new Set<number>();
  for (const p of pairs) {
    if (goldTaken.has(p.g) || sugTaken.has(p.s)) continue;
    goldTaken.set(p.g, { s: p.s, overlap: p.overlap });
    sugTaken.add(p.s);
  }
  const rows: EvalRow[] = spans.map((g, gi) => {
    const m = goldTaken.get(gi);
    const suggestion = m ? suggestions[m.s] : null;
    return { gold: g, suggestion, overlap: m?.overlap ?? 0, tagCorrect: suggestion !== null && suggestion.tag === g.label };
  });
  const matched = goldTaken.size;
  const correct = rows.filter((r) => r.tagCorrect).length;
  return {
    precision: suggestions.length ? matched / suggestions.length : 0,
    recall: spans.length ? matched / spans.length : 0,
    tagAccuracy: matched ? correct / matched : 0,
    suggested: suggestions.length,
    gold: spans.length,
    matched,
    rows,
    unmatched: suggestions.filter((_, si) => !sugTaken.has(si)),
  };
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const clip = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s).padEnd(n);

/** Plain-text report: headline numbers, one row per gold claim, then the false positives. */
export function formatReport(r: EvalReport): string {
  const lines = [
    `suggestions ${r.suggested}, gold claims ${r.gold}, matched ${r.matched}`,
    `precision ${pct(r.precision)}  recall ${pct(r.recall)}  tag accuracy ${pct(r.tagAccuracy)} (over matched pairs)`,
    '',
    `${'gold'.padEnd(13)} ${'suggested'.padEnd(13)} ok  conf  ${'claim'.padEnd(48)} reason`,
  ];
  for (const row of r.rows) {
    const s = row.suggestion;
    const ok = s ? (row.tagCorrect ? '✓ ' : '✗ ') : '– ';
    lines.push(
      `${clip(row.gold.label, 13)} ${clip(s ? String(s.tag) : '(missed)', 13)} ${ok}  ${s ? s.confidence.toFixed(2) : '    '}  ${clip(row.gold.quote, 48)} ${s?.reason ?? ''}`,
    );
  }
  if (r.unmatched.length) {
    lines.push('', 'suggestions with no gold claim:');
    for (const s of r.unmatched) lines.push(`  ${clip(String(s.tag), 13)} ${s.confidence.toFixed(2)}  ${clip(s.exact, 60)} ${s.reason}`);
  }
  return lines.join('\n');
}
