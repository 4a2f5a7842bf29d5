/**
 * Occurrences [start, end) of `probe` lying wholly inside text[from, to), verbatim or, when there
 * is none, written in another typography (the classes of typographicCodePoints: quotation marks,
 * apostrophes, dashes, "%"/"per cent", any whitespace run): a house-style pass over the article
 * changed the quote's neighbours, not the neighbourhood.
 */
export function findTypographic(text: string, probe: string, from: number, to: number): Array<[number, number]> {
  const lo = Math.max(0, from);
  const hi = Math.min(text.length, to);
  const out: Array<[number, number]> = [];
  if (probe.length === 0 || hi <= lo) return out;
  const window = text.slice(lo, hi);
  for (let i = window.indexOf(probe); i !== -1; i = window.indexOf(probe, i + 1)) out.push([lo + i, lo + i + probe.length]);
  if (out.length > 0 || !VARIABLE.test(probe)) return out;
  const pattern = new RegExp(loosePattern(probe), 'gu');
  // The regex only runs around occurrences of the probe's longest fixed part (a whole-text scan
  // per probe would cost an import of 1,000 quotes ~10 ms).
  const anchor = longestFixedPart(probe);
  if (anchor.length < MIN_ANCHOR) return matchAll(pattern, window, lo);
  const reach = 3 * probe.length + 8;
  const seen = new Set<number>();
  for (let i = window.indexOf(anchor); i !== -1; i = window.indexOf(anchor, i + 1)) {
    const from = Math.max(0, i - reach);
    for (const [a, b] of matchAll(pattern, window.slice(from, Math.min(window.length, i + anchor.length + reach)), lo + from)) {
      if (!seen.has(a)) out.push([a, b]);
      seen.add(a);
    }
  }
  return out.sort((x, y) => x[0] - y[0]);
}

/** A fixed part this short occurs everywhere: scan the whole window instead. */
const MIN_ANCHOR = 3;

function matchAll(pattern: RegExp, s: string, offset: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(s); m !== null; m = pattern.exec(s)) {
    if (m[0].length > 0) out.push([offset + m.index, offset + m.index + m[0].length]);
    // Past the whole code point: a /u regex started inside a surrogate pair steps back to its
    // start, so "+ 1" after a match beginning with an emoji found the same match forever.
    pattern.lastIndex = m.index + ((s.codePointAt(m.index) ?? 0) > 0xffff ? 2 : 1);
  }
  return out;
}

/** The longest run of the probe with one spelling only (no character whose typography varies). */
function longestFixedPart(probe: string): string {
  let best = '';
  for (const part of probe.split(/[\s'"`´‘’‚‛′ʼ“”„‟″«»\-‐‑‒–—―−%…]+/u)) {
    // "per cent" may be written "%": no anchor there.
    if (!/per|cent/iu.test(part) && part.length > best.length) best = part;
  }
  return best;
}

/** Characters whose typography varies: without one, a probe has no other spelling. */
const VARIABLE = /[\s'"`´‘’‚‛′“”„‟″«»\-‐‑‒–—―−%…]|cent/iu;

const CLASSES: Array<[string, string]> = [
  ["'`´‘’‚‛′ʼ", "['`´‘’‚‛′ʼ]"],
  ['"“”„‟″«»', '["“”„‟″«»]'],
  ['-‐‑‒–—―−', '[-‐‑‒–—―−]'],
];

function loosePattern(probe: string): string {
  let out = '';
  const chars = [...probe];
  // A probe cut out of stored context may start inside "per cent" ("r cent, and "): "%" there too.
  const lead = LEADING_PERCENT.exec(probe);
  let first = 0;
  if (lead) {
    out = `(?:%|${lead[0].split(/\s+/u).map(escapeAll).join('\\s+')})`;
    first = [...lead[0]].length;
  }
  for (let i = first; i < chars.length; i++) {
    const ch = chars[i]!;
    const cls = CLASSES.find(([members]) => members.includes(ch));
    if (/\s/u.test(ch)) {
      while (i + 1 < chars.length && /\s/u.test(chars[i + 1]!)) i++;
      out += '\\s+';
    } else if (/\p{Nd}/u.test(ch) && skipPercent(chars, i + 1) !== i + 1) {
      // A figure followed by "%" or "per cent": either spelling after it.
      out += ch + PERCENT;
      i = skipPercent(chars, i + 1) - 1;
    } else if (cls) out += cls[1];
    else if (ch === '…') out += '(?:…|\\.\\.\\.)';
    else out += escape(ch);
  }
  return out;
}

const PERCENT = '(?:\\s?%|\\s?per\\s?cent\\b)';

/** The index after "%" / " per cent" starting at chars[i] (whitespace allowed first), or i. */
function skipPercent(chars: string[], i: number): number {
  let j = i;
  if (chars[j] === ' ') j++;
  if (chars[j] === '%') return j + 1;
  const rest = chars.slice(j, j + 8).join('').toLowerCase();
  if (rest.startsWith('per cent')) return j + 8;
  if (rest.startsWith('percent')) return j + 7;
  // A probe cut out of stored context may end inside "per cent" ("62 per"): the rest is beyond it.
  if (j + rest.length === chars.length && rest.length >= 3 && ('per cent'.startsWith(rest) || 'percent'.startsWith(rest))) return chars.length;
  return i;
}

/** The end of "per cent" at a probe's start, from "cent" on (a shorter piece could be any word's end). */
const LEADING_PERCENT = /^(?:(?:per|er|r)\s?)?cent(?![\p{L}\p{N}])/iu;

function escapeAll(s: string): string {
  return [...s].map(escape).join('');
}

function escape(ch: string): string {
  return ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
