import search from 'approx-string-match';
import type { AnchorTarget } from '@/lib/anchoring/selectors';
import type { AnchorState } from '@/lib/core/enums';

export type { AnchorState };

/** Where an annotation lands in a new text. Offsets always satisfy 0 <= start <= end <= text.length. */
export type ReanchorResult = {
  start: number;
  end: number;
  state: AnchorState;
  /** 0..1 confidence in the range (quote, context and position agreement); 0 when orphaned. */
  score: number;
};

export type ReanchorOptions = {
  /** Overrides MIN_QUOTE_SIMILARITY (tests use it to show what a laxer floor would do). */
  minQuoteSimilarity?: number;
};

/**
 * A fuzzy match must keep at least this share of the quote (1 - edits / quote length).
 * Light copy-edits (a changed word, punctuation, a typo fix) stay well above it, while text
 * that merely shares vocabulary with a deleted passage stays below: see reanchor.test.ts.
 */
export const MIN_QUOTE_SIMILARITY = 0.75;

// Hypothesis' match-quote weights: the quote dominates, context breaks ties, position last.
const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;
const TOTAL_WEIGHT = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT;

/** Approximate search allows at most this many edits (a Myers search costs O(errors / 32 · n)). */
const MAX_ERRORS_CAP = 256;
/**
 * Longer quotes only re-anchor exactly: near a match Myers' search costs O(length² / 32),
 * seconds for a 100k-character quote, and a claim that long is not a copy-edit case anyway.
 */
export const MAX_FUZZY_QUOTE_LENGTH = 10_000;
/** Context beyond this many characters next to the quote is ignored when scoring. */
const MAX_CONTEXT = 64;
/** Extra characters a context may have gained and still be aligned. */
const CONTEXT_SLACK = 8;
/** Candidates scored in full; beyond this a cheap pre-selection keeps pathological inputs linear. */
const MAX_SCORED = 64;
/**
 * A short quote (a name, a figure) occurs by chance elsewhere; off its old position it must
 * also bring at least half of its context along.
 */
const SHORT_QUOTE_LENGTH = 32;
const SHORT_QUOTE_MIN_CONTEXT = 0.5;
/** Below this context agreement an exact hit is doubted and the old neighbourhood is searched too. */
const WEAK_CONTEXT = 0.5;

type Match = { start: number; end: number; errors: number };
type Scored = Match & { score: number; quote: number; context: number };

/**
 * Finds `target` in `text` (Hypothesis' strategy): the old position if the quote is still
 * there with its context, else the best exact occurrence, else the best approximate match,
 * else orphaned at the old offsets clamped into the text. Never throws.
 */
export function reanchor(target: AnchorTarget, text: string, options: ReanchorOptions = {}): ReanchorResult {
  return new Reanchorer(text, options).reanchor(target);
}

/** `reanchor` for many targets on one text, sharing searches between identical quotes. */
export function reanchorAll(
  targets: readonly AnchorTarget[],
  text: string,
  options: ReanchorOptions = {},
): ReanchorResult[] {
  const reanchorer = new Reanchorer(text, options);
  // In document order, neighbours tend to share the shift an edit caused (see `recentShifts`).
  const order = targets.map((_, i) => i);
  const startOf = (i: number) => {
    const start = (targets[i] as Partial<AnchorTarget> | null)?.start;
    return typeof start === 'number' && Number.isFinite(start) ? start : 0;
  };
  order.sort((a, b) => startOf(a) - startOf(b));
  const results = new Array<ReanchorResult>(targets.length);
  for (const i of order) results[i] = reanchorer.reanchor(targets[i]);
  return results;
}

class Reanchorer {
  private readonly text: string;
  private readonly minQuote: number;
  private readonly occurrenceCache = new Map<string, number[]>();
  private readonly fuzzyCache = new Map<string, Match[]>();
  /** Offsets by which recent quotes moved, most recent first: one edit shifts everything after it alike. */
  private readonly recentShifts: number[] = [];

  constructor(text: string, options: ReanchorOptions) {
    this.text = typeof text === 'string' ? text : '';
    const min = options.minQuoteSimilarity;
    this.minQuote = typeof min === 'number' && Number.isFinite(min) ? Math.min(1, Math.max(0, min)) : MIN_QUOTE_SIMILARITY;
  }

  reanchor(raw: AnchorTarget): ReanchorResult {
    const text = this.text;
    const { exact, prefix, suffix, start: oldStart, end: oldEnd } = sanitize(raw);
    const start = clamp(oldStart, 0, text.length);
    const orphaned: ReanchorResult = { start, end: clamp(oldEnd, start, text.length), state: 'orphaned', score: 0 };
    if (exact.length === 0) return orphaned;

    // Fast path: quote and context unchanged at the old offset.
    if (
      start === oldStart &&
      text.startsWith(exact, start) &&
      text.endsWith(prefix, start) &&
      text.startsWith(suffix, start + exact.length)
    ) {
      return { start, end: start + exact.length, state: 'exact', score: 1 };
    }

    const ctx = { exact, prefix: prefix.slice(-MAX_CONTEXT), suffix: suffix.slice(0, MAX_CONTEXT), hint: start };
    const shifted = this.tryRecentShifts(ctx, prefix, suffix);
    if (shifted) return this.result(shifted, oldStart);
    let best: Scored | null = null;

    const occurrences = this.occurrences(exact);
    if (occurrences.length > 0) {
      const exactMatches = occurrences.map((s) => ({ start: s, end: s + exact.length, errors: 0 }));
      best = this.pick(exactMatches, ctx);
      if (best && best.context >= WEAK_CONTEXT) return this.result(best, oldStart);
    }

    const maxErrors = Math.min(MAX_ERRORS_CAP, Math.floor(exact.length * (1 - this.minQuote) + 1e-9));
    if (maxErrors >= 1 && exact.length <= MAX_FUZZY_QUOTE_LENGTH && exact.length - maxErrors <= text.length) {
      // The global search only reports the text-wide minimum error count, which can sit in
      // unrelated text while the edited original is one error worse, so search near it too.
      const pad = Math.max(64, exact.length);
      const from = Math.max(0, start - pad);
      const to = Math.min(text.length, clamp(oldEnd, start, text.length) + pad);
      const local = search(text.slice(from, to), exact, maxErrors).map((m) => ({
        start: m.start + from,
        end: m.end + from,
        errors: m.errors,
      }));
      const candidates = occurrences.length > 0 ? local : [...local, ...this.fuzzy(exact, maxErrors)];
      const fuzzyBest = this.pick(candidates, ctx);
      if (fuzzyBest && (!best || fuzzyBest.score > best.score)) best = snapToContext(fuzzyBest, text, ctx, maxErrors);
    }

    return best ? this.result(best, oldStart) : orphaned;
  }

  /**
   * Shortcut for the common case, without scanning the whole text: the quote sits at a recently
   * seen shift with its full context, and no other occurrence is as close to the old position.
   * Any farther occurrence scores lower (context cannot beat perfect, position is worse), so
   * this returns exactly what the full search would.
   */
  private tryRecentShifts(ctx: Context, prefix: string, suffix: string): Scored | null {
    const { text } = this;
    const { exact, hint } = ctx;
    for (const shift of this.recentShifts) {
      const at = hint + shift;
      if (at < 0 || !text.startsWith(exact, at) || !text.endsWith(prefix, at) || !text.startsWith(suffix, at + exact.length)) {
        continue;
      }
      const reach = Math.abs(shift);
      let alone = true;
      for (let i = text.indexOf(exact, Math.max(0, hint - reach)); i !== -1 && i <= hint + reach; i = text.indexOf(exact, i + 1)) {
        if (i !== at) {
          alone = false;
          break;
        }
      }
      if (alone) return score({ start: at, end: at + exact.length, errors: 0 }, text, ctx);
    }
    return null;
  }

  private result(best: Scored, oldStart: number): ReanchorResult {
    const shift = best.start - oldStart;
    if (shift !== 0 && this.recentShifts[0] !== shift) {
      const seen = this.recentShifts.indexOf(shift);
      if (seen !== -1) this.recentShifts.splice(seen, 1);
      this.recentShifts.unshift(shift);
      if (this.recentShifts.length > 4) this.recentShifts.pop();
    }
    const state: AnchorState = best.errors > 0 ? 'fuzzy' : best.start === oldStart ? 'exact' : 'moved';
    return { start: best.start, end: best.end, state, score: best.score };
  }

  /** The best acceptable candidate, ties going to the one nearest the old position. */
  private pick(matches: Match[], ctx: Context): Scored | null {
    let best: Scored | null = null;
    for (const match of preselect(matches, this.text, ctx)) {
      const scored = score(match, this.text, ctx);
      if (scored.quote < this.minQuote) continue;
      const atOldPlace = match.errors === 0 && match.start === ctx.hint;
      if (ctx.exact.length < SHORT_QUOTE_LENGTH && !atOldPlace && scored.context < SHORT_QUOTE_MIN_CONTEXT) continue;
      if (
        !best ||
        scored.score > best.score ||
        (scored.score === best.score && Math.abs(scored.start - ctx.hint) < Math.abs(best.start - ctx.hint))
      ) {
        best = scored;
      }
    }
    return best;
  }

  private occurrences(exact: string): number[] {
    let found = this.occurrenceCache.get(exact);
    if (!found) {
      found = [];
      for (let at = this.text.indexOf(exact); at !== -1; at = this.text.indexOf(exact, at + 1)) found.push(at);
      this.occurrenceCache.set(exact, found);
    }
    return found;
  }

  private fuzzy(exact: string, maxErrors: number): Match[] {
    let found = this.fuzzyCache.get(exact);
    if (!found) {
      found = search(this.text, exact, maxErrors);
      this.fuzzyCache.set(exact, found);
    }
    return found;
  }
}

type Context = { exact: string; prefix: string; suffix: string; hint: number };

/** Characters of stored context that must reappear verbatim to move a fuzzy match's edge. */
const SNAP_PROBE = 12;

/**
 * A minimal-error alignment trims an edited first or last word ("region." → "reportedly." ends
 * at "report"). Where the stored context still follows verbatim within `reach` characters of
 * an edge, move the edge to meet it so the range covers the whole edited passage.
 */
function snapToContext(match: Scored, text: string, ctx: Context, reach: number): Scored {
  let { start, end } = match;
  if (ctx.suffix) {
    const found = nearest(text, ctx.suffix.slice(0, SNAP_PROBE), end, reach, start);
    if (found !== -1) end = found;
  } else if (text.length - end <= reach) {
    end = text.length;
  }
  if (ctx.prefix) {
    const probe = ctx.prefix.slice(-SNAP_PROBE);
    const found = nearest(text, probe, start - probe.length, reach, 0);
    if (found !== -1 && found + probe.length <= end) start = found + probe.length;
  } else if (start <= reach) {
    start = 0;
  }
  return start === match.start && end === match.end ? match : { ...match, start, end };
}

/** Index of the occurrence of `probe` nearest to `at` within ±reach (and not before `min`), or -1. */
function nearest(text: string, probe: string, at: number, reach: number, min: number): number {
  let best = -1;
  const from = Math.max(0, min, at - reach);
  for (let i = text.indexOf(probe, from); i !== -1 && i <= at + reach; i = text.indexOf(probe, i + 1)) {
    if (best === -1 || Math.abs(i - at) < Math.abs(best - at)) best = i;
  }
  return best;
}

function score(match: Match, text: string, ctx: Context): Scored {
  const quote = Math.max(0, 1 - match.errors / ctx.exact.length);
  const prefix = ctx.prefix ? prefixSimilarity(text, match.start, ctx.prefix) : 1;
  const suffix = ctx.suffix ? suffixSimilarity(text, match.end, ctx.suffix) : 1;
  const position = text.length === 0 ? 1 : 1 - Math.min(1, Math.abs(match.start - ctx.hint) / text.length);
  const raw = QUOTE_WEIGHT * quote + PREFIX_WEIGHT * prefix + SUFFIX_WEIGHT * suffix + POSITION_WEIGHT * position;
  return { ...match, quote, context: (prefix + suffix) / 2, score: raw / TOTAL_WEIGHT };
}

/** Keeps the candidates nearest the old position and those with the longest exact context agreement. */
function preselect(matches: Match[], text: string, ctx: Context): Match[] {
  if (matches.length <= MAX_SCORED) return matches;
  const half = MAX_SCORED / 2;
  const distance = (m: Match) => Math.abs(m.start - ctx.hint);
  const nearest = [...matches].sort((a, b) => distance(a) - distance(b)).slice(0, half);
  const agreement = (m: Match) =>
    commonSuffixLength(ctx.prefix, text, m.start) + commonPrefixLength(ctx.suffix, text, m.end);
  const keyed = matches.map((m) => ({ m, k: agreement(m) }));
  keyed.sort((a, b) => b.k - a.k || distance(a.m) - distance(b.m));
  const chosen = new Set(nearest);
  for (const { m } of keyed.slice(0, half)) chosen.add(m);
  return [...chosen];
}

function commonSuffixLength(context: string, text: string, end: number): number {
  let n = 0;
  while (n < context.length && n < end && context.charCodeAt(context.length - 1 - n) === text.charCodeAt(end - 1 - n)) n++;
  return n;
}

function commonPrefixLength(context: string, text: string, start: number): number {
  let n = 0;
  while (n < context.length && start + n < text.length && context.charCodeAt(n) === text.charCodeAt(start + n)) n++;
  return n;
}

/** How well the text ending at `end` agrees with the stored prefix (1 = identical). */
function prefixSimilarity(text: string, end: number, prefix: string): number {
  const window = text.slice(Math.max(0, end - prefix.length - CONTEXT_SLACK), end);
  return 1 - anchoredDistance(reverse(prefix), reverse(window)) / prefix.length;
}

/** How well the text starting at `start` agrees with the stored suffix (1 = identical). */
function suffixSimilarity(text: string, start: number, suffix: string): number {
  const window = text.slice(start, start + suffix.length + CONTEXT_SLACK);
  return 1 - anchoredDistance(suffix, window) / suffix.length;
}

/** Edit distance between `pattern` and the best-matching prefix of `window` (inputs are short). */
function anchoredDistance(pattern: string, window: string): number {
  const cols = window.length + 1;
  let prev = new Int32Array(cols);
  let row = new Int32Array(cols);
  for (let c = 0; c < cols; c++) prev[c] = c;
  for (let r = 1; r <= pattern.length; r++) {
    row[0] = r;
    const ch = pattern.charCodeAt(r - 1);
    for (let c = 1; c < cols; c++) {
      const substitute = prev[c - 1] + (window.charCodeAt(c - 1) === ch ? 0 : 1);
      row[c] = Math.min(substitute, prev[c] + 1, row[c - 1] + 1);
    }
    [prev, row] = [row, prev];
  }
  let best = pattern.length;
  for (let c = 0; c < cols; c++) best = Math.min(best, prev[c]);
  return best;
}

function reverse(s: string): string {
  let out = '';
  for (let i = s.length - 1; i >= 0; i--) out += s[i];
  return out;
}

/** Coerces stored fields defensively: anchors come from JSON and older clients. */
function sanitize(raw: AnchorTarget): AnchorTarget {
  const t: Partial<Record<keyof AnchorTarget, unknown>> = typeof raw === 'object' && raw !== null ? raw : {};
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const int = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? Math.floor(v) : 0);
  return { exact: str(t.exact), prefix: str(t.prefix), suffix: str(t.suffix), start: int(t.start), end: int(t.end) };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
