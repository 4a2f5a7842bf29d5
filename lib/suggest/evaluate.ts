/**
 * Scoring suggestions against an analyst's gold labels. Pure: the eval script only reads files
 * and prints what this returns.
 *
 * A gold label is a source kind ("un", "official", "other"…); the engine proposes desk tag keys.
 * A label the desk has no tag for expects `null` ("no matching tag"), so a dev set labelled
 * un / intelligence / analyst / other scores "other" as correct when the engine proposes no tag.
 * `also` lists labels a careful analyst could defend: proposing one of them counts as a right tag
 * (the strict figure counts only the primary label).
 */
import type { Suggestion } from './suggest';

export type GoldClaim = {
  quote: string;
  label: string;
  /** Other defensible labels. */
  also?: string[];
  /** 0-based, when the quote occurs more than once. */
  occurrence?: number;
};
/** One article's gold file: `{ "claims": [...] }`. */
export type GoldFile = { claims: GoldClaim[] };
export type GoldSpan = GoldClaim & { start: number; end: number };

export type EvalRow = {
  gold: GoldSpan;
  suggestion: Suggestion | null;
  overlap: number;
  /** The suggested tag is the expected tag of the label or of a defensible alternative. */
  tagCorrect: boolean;
  /** The suggested tag is the expected tag of the primary label. */
  tagStrict: boolean;
};

export type EvalCounts = {
  suggested: number;
  gold: number;
  matched: number;
  /** Matched pairs with a right tag (label or alternative) / with the primary label's tag. */
  tagsCorrect: number;
  tagsStrict: number;
};

export type EvalScores = {
  precision: number;
  recall: number;
  /** Over matched pairs only; alternatives count. */
  tagAccuracy: number;
  /** Over matched pairs only; primary label only. */
  tagAccuracyStrict: number;
};

export type EvalReport = EvalScores &
  EvalCounts & {
    rows: EvalRow[];
    /** Suggestions matching no gold claim (false positives), in text order. */
    unmatched: Suggestion[];
  };

export type EvalOptions = {
  /** The desk's tag keys: a label outside them expects `null`. Without it every label is taken as a tag key. */
  deskTags?: readonly string[];
  /** Share of the shorter span that must overlap for a suggestion to match a gold claim. */
  minOverlap?: number;
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

/** The tag a desk with `deskTags` should propose for a gold label. */
export function expectedTag(label: string, deskTags?: readonly string[]): string | null {
  return !deskTags || deskTags.includes(label) ? label : null;
}

export function evaluateSuggestions(text: string, gold: GoldClaim[], suggestions: Suggestion[], options: EvalOptions | number = {}): EvalReport {
  const { deskTags, minOverlap = 0.5 } = typeof options === 'number' ? { minOverlap: options } : options;
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
    const strict = expectedTag(g.label, deskTags);
    const accepted = new Set([strict, ...(g.also ?? []).map((l) => expectedTag(l, deskTags))]);
    return {
      gold: g,
      suggestion,
      overlap: m?.overlap ?? 0,
      tagCorrect: suggestion !== null && accepted.has(suggestion.tag),
      tagStrict: suggestion !== null && suggestion.tag === strict,
    };
  });
  const counts: EvalCounts = {
    suggested: suggestions.length,
    gold: spans.length,
    matched: goldTaken.size,
    tagsCorrect: rows.filter((r) => r.tagCorrect).length,
    tagsStrict: rows.filter((r) => r.tagStrict).length,
  };
  return { ...scores(counts), ...counts, rows, unmatched: suggestions.filter((_, si) => !sugTaken.has(si)) };
}

export function scores(c: EvalCounts): EvalScores {
  return {
    precision: c.suggested ? c.matched / c.suggested : 0,
    recall: c.gold ? c.matched / c.gold : 0,
    tagAccuracy: c.matched ? c.tagsCorrect / c.matched : 0,
    tagAccuracyStrict: c.matched ? c.tagsStrict / c.matched : 0,
  };
}

/** Micro-averaged figures over several articles: every claim and suggestion weighs the same. */
export function combineReports(reports: readonly EvalCounts[]): EvalScores & EvalCounts {
  const sum = (k: keyof EvalCounts): number => reports.reduce((n, r) => n + r[k], 0);
  const counts: EvalCounts = { suggested: sum('suggested'), gold: sum('gold'), matched: sum('matched'), tagsCorrect: sum('tagsCorrect'), tagsStrict: sum('tagsStrict') };
  return { ...scores(counts), ...counts };
}

/**
 * A gold set: one JSON file labelling several articles, keyed by file name
 * (`{ "about"?, "sources"?, "deskTags"?, "<article.txt>": [claims] }`).
 */
export type GoldSet = { about?: string; deskTags?: string[]; articles: Array<{ file: string; claims: GoldClaim[] }> };

export function parseGoldSet(json: unknown, where = 'gold set'): GoldSet {
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw new Error(`${where}: expected an object keyed by article file name`);
  const out: GoldSet = { articles: [] };
  for (const [key, value] of Object.entries(json)) {
    if (key === 'about' && typeof value === 'string') out.about = value;
    else if (key === 'deskTags' && Array.isArray(value)) out.deskTags = value.map(String);
    else if (Array.isArray(value)) out.articles.push({ file: key, claims: value.map((c, i) => parseClaim(c, `${where}: ${key}[${i}]`)) });
  }
  if (out.articles.length === 0) throw new Error(`${where}: no article lists ("<file>": [{ "quote", "label" }])`);
  return out;
}

export function parseGoldFile(json: unknown, where = 'gold file'): GoldFile {
  const claims = json && typeof json === 'object' && 'claims' in json ? json.claims : undefined;
  if (!Array.isArray(claims)) throw new Error(`${where}: expected { "claims": [{ "quote", "label" }] }`);
  return { claims: claims.map((c, i) => parseClaim(c, `${where}: claims[${i}]`)) };
}

function parseClaim(c: unknown, where: string): GoldClaim {
  if (!c || typeof c !== 'object') throw new Error(`${where}: expected { "quote", "label" }`);
  const o = c as Record<string, unknown>;
  if (typeof o.quote !== 'string' || typeof o.label !== 'string') throw new Error(`${where}: "quote" and "label" must be strings`);
  const also = Array.isArray(o.also) ? o.also.map(String) : undefined;
  const occurrence = typeof o.occurrence === 'number' ? o.occurrence : undefined;
  return { quote: o.quote, label: o.label, ...(also ? { also } : {}), ...(occurrence !== undefined ? { occurrence } : {}) };
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const clip = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s).padEnd(n);

/** Plain-text report: headline numbers, one row per gold claim, then the false positives. */
export function formatReport(r: EvalReport): string {
  const lines = [
    `suggestions ${r.suggested}, gold claims ${r.gold}, matched ${r.matched}`,
    `precision ${pct(r.precision)}  recall ${pct(r.recall)}  tag accuracy ${pct(r.tagAccuracy)} (over matched pairs; strict ${pct(r.tagAccuracyStrict)})`,
    '',
    `${'gold'.padEnd(13)} ${'suggested'.padEnd(13)} ok  conf  ${'claim'.padEnd(48)} reason`,
  ];
  for (const row of r.rows) {
    const s = row.suggestion;
    const ok = s ? (row.tagStrict ? '✓ ' : row.tagCorrect ? '≈ ' : '✗ ') : '– ';
    const label = row.gold.also?.length ? `${row.gold.label}/${row.gold.also.join('/')}` : row.gold.label;
    lines.push(`${clip(label, 13)} ${clip(s ? String(s.tag) : '(missed)', 13)} ${ok}  ${s ? s.confidence.toFixed(2) : '    '}  ${clip(row.gold.quote, 48)} ${s?.reason ?? ''}`);
  }
  if (r.unmatched.length) {
    lines.push('', 'suggestions with no gold claim:');
    for (const s of r.unmatched) lines.push(`  ${clip(String(s.tag), 13)} ${s.confidence.toFixed(2)}  ${clip(s.exact, 60)} ${s.reason}`);
  }
  return lines.join('\n');
}
