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
  for (let m = pattern.exec(window); m !== null; m = pattern.exec(window)) {
    if (m[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    out.push([lo + m.index, lo + m.index + m[0].length]);
    pattern.lastIndex = m.index + 1;
  }
  return out;
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
  for (let i = 0; i < chars.length; i++) {
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
  return i;
}

function escape(ch: string): string {
  return ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
