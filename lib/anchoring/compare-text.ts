import search from 'approx-string-match';
import { isHighSurrogate, isLowSurrogate } from '@/lib/anchoring/code-points';
import { isWhitespace, typographicCodePoints } from '@/lib/anchoring/typographic-code-points';

/**
 * Text comparison for re-anchoring, counted in Unicode code points (removing one emoji is one
 * edit, not two) and, for context, blind to how whitespace and typography were written (a stored
 * prefix of "\n\t\t" agrees with a single space, a straight quotation mark with a curly one).
 */

export type ApproxMatch = { start: number; end: number; errors: number };

/**
 * Approximate occurrences of `pattern` in text[from, to) with the fewest errors (at most
 * `maxErrors`), offsets in UTF-16 into `text`, errors in code points. approx-string-match
 * compares UTF-16 units, so astral characters are first swapped for private-use characters
 * absent from both strings.
 */
export function searchApprox(text: string, from: number, to: number, pattern: string, maxErrors: number): ApproxMatch[] {
  const lo = Math.max(0, from);
  const hi = Math.min(text.length, to);
  if (hi <= lo || pattern.length === 0 || maxErrors < 0) return [];
  const window = text.slice(lo, hi);
  if (!hasSurrogate(window) && !hasSurrogate(pattern)) {
    return search(window, pattern, maxErrors).map((m) => ({ start: m.start + lo, end: m.end + lo, errors: m.errors }));
  }
  const table = new AstralTable([window, pattern]);
  const w = table.narrow(window);
  const p = table.narrow(pattern);
  return search(w.str, p.str, maxErrors).map((m) => ({ start: w.units[m.start] + lo, end: w.units[m.end] + lo, errors: m.errors }));
}

/** 1 − (code-point edit distance / quote length in code points); 0 for an empty quote. */
export function quoteSimilarity(quote: string, candidate: string): number {
  const q = codePointsOf(quote);
  if (q.length === 0) return 0;
  return Math.max(0, 1 - editDistance(q, codePointsOf(candidate), q.length) / q.length);
}

/**
 * Levenshtein distance in code points, or `limit + 1` as soon as it is known to exceed `limit`
 * (a band of 2·limit + 1 diagonals, so O(limit · length)).
 */
export function editDistance(a: ArrayLike<number>, b: ArrayLike<number>, limit: number): number {
  const k = Math.max(0, Math.floor(limit));
  if (Math.abs(a.length - b.length) > k) return k + 1;
  if (b.length === 0) return a.length;
  const cols = b.length + 1;
  const big = k + 1;
  let prev = new Int32Array(cols);
  let row = new Int32Array(cols);
  for (let c = 0; c < cols; c++) prev[c] = c <= k ? c : big;
  for (let r = 1; r <= a.length; r++) {
    const from = Math.max(1, r - k);
    const to = Math.min(b.length, r + k);
    // Only the band is computed; the cells just outside it read as "too far".
    row[0] = r <= k ? r : big;
    if (from - 1 >= 1) row[from - 1] = big;
    const ch = a[r - 1];
    let best = row[0];
    for (let c = from; c <= to; c++) {
      const v = Math.min(prev[c - 1] + (b[c - 1] === ch ? 0 : 1), prev[c] + 1, row[c - 1] + 1);
      row[c] = v > big ? big : v;
      if (row[c] < best) best = row[c];
    }
    if (to + 1 <= b.length) row[to + 1] = big;
    if (best > k) return big;
    [prev, row] = [row, prev];
  }
  return Math.min(big, prev[b.length]);
}

/** How well the text ending at `end` agrees with the stored prefix (1 = identical), compared typographically. */
export function prefixSimilarity(text: string, end: number, prefix: string): number {
  const p = collapsedCodePoints(prefix);
  if (p.length === 0) return 1;
  const window = collapsedCodePoints(text.slice(Math.max(0, end - 2 * prefix.length - CONTEXT_SLACK), end));
  const tail = window.slice(Math.max(0, window.length - p.length - CONTEXT_SLACK));
  return 1 - anchoredDistance(p.reverse(), tail.reverse()) / p.length;
}

/** How well the text starting at `start` agrees with the stored suffix (1 = identical), compared typographically. */
export function suffixSimilarity(text: string, start: number, suffix: string): number {
  const s = collapsedCodePoints(suffix);
  if (s.length === 0) return 1;
  const window = collapsedCodePoints(text.slice(start, start + 2 * suffix.length + CONTEXT_SLACK));
  return 1 - anchoredDistance(s, window.slice(0, s.length + CONTEXT_SLACK)) / s.length;
}

/**
 * Whether the last `n` characters of the stored prefix (whitespace collapsed) sit right before
 * `end`: the quote's left neighbour is still there.
 */
export function prefixAdjacent(text: string, end: number, prefix: string, n: number): boolean {
  const p = collapsedCodePoints(prefix);
  if (p.length === 0) return prefix.length === 0 ? end === 0 : isSpaceBefore(text, end);
  const k = Math.min(n, p.length);
  const window = collapsedCodePoints(text.slice(Math.max(0, end - 4 * k - 8), end));
  if (window.length < k) return false;
  for (let i = 1; i <= k; i++) if (window[window.length - i] !== p[p.length - i]) return false;
  return true;
}

/** Whether the first `n` characters of the stored suffix (whitespace collapsed) follow right after `start`. */
export function suffixAdjacent(text: string, start: number, suffix: string, n: number): boolean {
  const s = collapsedCodePoints(suffix);
  if (s.length === 0) return suffix.length === 0 ? start === text.length : isSpaceAt(text, start);
  const k = Math.min(n, s.length);
  const window = collapsedCodePoints(text.slice(start, start + 4 * k + 8));
  if (window.length < k) return false;
  for (let i = 0; i < k; i++) if (window[i] !== s[i]) return false;
  return true;
}

/** Extra characters a context may have gained and still be aligned. */
const CONTEXT_SLACK = 8;

/** Edit distance between `pattern` and the best-matching prefix of `window` (inputs are short). */
function anchoredDistance(pattern: number[], window: number[]): number {
  const cols = window.length + 1;
  let prev = new Int32Array(cols);
  let row = new Int32Array(cols);
  for (let c = 0; c < cols; c++) prev[c] = c;
  for (let r = 1; r <= pattern.length; r++) {
    row[0] = r;
    const ch = pattern[r - 1];
    for (let c = 1; c < cols; c++) {
      const substitute = prev[c - 1] + (window[c - 1] === ch ? 0 : 1);
      row[c] = Math.min(substitute, prev[c] + 1, row[c - 1] + 1);
    }
    [prev, row] = [row, prev];
  }
  let best = pattern.length;
  for (let c = 0; c < cols; c++) best = Math.min(best, prev[c]);
  return best;
}

export function codePointsOf(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isHighSurrogate(c) && i + 1 < s.length && isLowSurrogate(s.charCodeAt(i + 1))) {
      out.push(s.codePointAt(i) ?? c);
      i++;
    } else {
      out.push(c);
    }
  }
  return out;
}

/** Context as a reader sees it: whitespace runs as one space, typography folded (see typographic-code-points). */
const collapsedCodePoints = typographicCodePoints;

function isSpaceBefore(text: string, end: number): boolean {
  return end === 0 || isWhitespace(text.charCodeAt(end - 1));
}

function isSpaceAt(text: string, start: number): boolean {
  return start >= text.length || isWhitespace(text.charCodeAt(start));
}

function hasSurrogate(s: string): boolean {
  return /[\uD800-\uDFFF]/.test(s);
}

/** Stand-ins for astral characters: private-use BMP characters that occur in none of the strings. */
class AstralTable {
  private readonly map = new Map<number, number>();
  private readonly taken = new Set<number>();
  private next = 0xe000;

  constructor(strings: string[]) {
    for (const s of strings) {
      for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (c >= 0xe000 && c <= 0xf8ff) this.taken.add(c);
      }
    }
  }

  /** The string with each surrogate pair as one character, and the UTF-16 offset of each of its indexes. */
  narrow(s: string): { str: string; units: number[] } {
    let str = '';
    const units: number[] = [];
    for (let i = 0; i < s.length; i++) {
      units.push(i);
      const c = s.charCodeAt(i);
      if (isHighSurrogate(c) && i + 1 < s.length && isLowSurrogate(s.charCodeAt(i + 1))) {
        str += String.fromCharCode(this.standIn(s.codePointAt(i) ?? c));
        i++;
      } else {
        str += s[i];
      }
    }
    units.push(s.length);
    return { str, units };
  }

  private standIn(cp: number): number {
    let c = this.map.get(cp);
    if (c === undefined) {
      while (this.taken.has(this.next) && this.next < 0xf8ff) this.next++;
      c = this.next++;
      this.map.set(cp, c);
    }
    return c;
  }
}
