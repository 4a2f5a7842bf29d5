/**
 * Code points of `s` as a reader sees the words, not as they were typed: curly and straight
 * quotation marks, hyphens and dashes, an ellipsis and three dots, "per cent" and "%" are each
 * one thing, runs of whitespace (non-breaking too) one space, invisible characters (soft hyphen,
 * zero-width space) nothing. A house-style pass over a whole article changes these everywhere;
 * compared this way, a quote and its context survive it. Case and figures are left alone: a
 * capital or a digit changed is an edit a person must see.
 */
export function typographicCodePoints(s: string): number[] {
  const str = percentAsSign(s);
  const out: number[] = [];
  let space = false;
  for (let i = 0; i < str.length; i++) {
    let cp = str.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < str.length) {
      const low = str.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = (cp - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        i++;
      }
    }
    if (isWhitespace(cp)) {
      if (!space) out.push(0x20);
      space = true;
      continue;
    }
    space = false;
    if (cp < 0x7f && cp !== 0x60) out.push(cp);
    else if (INVISIBLE.has(cp)) continue;
    else if (cp === 0x2026) out.push(0x2e, 0x2e, 0x2e);
    else out.push(FOLD.get(cp) ?? cp);
  }
  return out;
}

/** "38 per cent", "38 percent", "38 %" → "38%". Only after a figure: "per cent" alone is rare and ambiguous. */
function percentAsSign(s: string): string {
  if (!/cent|%/i.test(s)) return s;
  return s.replace(/(\p{Nd})\s*(?:per\s?cent\b|%)/giu, '$1%');
}

const APOSTROPHE = 0x27;
const QUOTATION_MARK = 0x22;
const HYPHEN = 0x2d;
const FOLD = new Map<number, number>([
  ...[0x2018, 0x2019, 0x201a, 0x201b, 0x2032, 0x02bc, 0x00b4, 0x0060].map((cp) => [cp, APOSTROPHE] as const),
  ...[0x201c, 0x201d, 0x201e, 0x201f, 0x2033, 0x00ab, 0x00bb].map((cp) => [cp, QUOTATION_MARK] as const),
  ...[0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212].map((cp) => [cp, HYPHEN] as const),
]);
const INVISIBLE = new Set([0x00ad, 0x200b, 0x2060]);

export function isWhitespace(cp: number): boolean {
  return cp === 0x20 || (cp >= 0x09 && cp <= 0x0d) || cp === 0xa0 || cp === 0x1680 || (cp >= 0x2000 && cp <= 0x200a) || cp === 0x2028 || cp === 0x2029 || cp === 0x202f || cp === 0x205f || cp === 0x3000 || cp === 0xfeff;
}
