import { clampInt, lastAtOrBefore } from '@/lib/anchoring/search-sorted';

/**
 * Offsets in Unicode code points, as the W3C Web Annotation model counts them in a
 * TextPositionSelector, against the UTF-16 code units (JavaScript string indices) Claimdesk
 * stores and its JSON API speaks. The two differ after every astral character (emoji, some CJK).
 */
export type CodePointIndex = {
  /** Code-point offset of a UTF-16 offset (clamped into the text; inside a surrogate pair counts as before it). */
  toCodePoint(utf16Offset: number): number;
  /** UTF-16 offset of a code-point offset (clamped into the text). */
  toUtf16(codePointOffset: number): number;
  /** Length of the text in code points. */
  readonly length: number;
};

/**
 * Builds the conversion for one text in one pass. Texts without astral characters (most) convert
 * as the identity; otherwise each conversion is a binary search over the astral positions.
 */
export function codePointIndex(text: string): CodePointIndex {
  // UTF-16 offsets of the high surrogates that start a pair, in order.
  const pairs: number[] = [];
  for (let i = 0; i < text.length - 1; i++) {
    if (isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1))) {
      pairs.push(i);
      i++;
    }
  }
  const length = text.length - pairs.length;
  if (pairs.length === 0) {
    return { length, toCodePoint: (o) => clampInt(o, 0, text.length), toUtf16: (o) => clampInt(o, 0, length) };
  }
  return {
    length,
    toCodePoint(raw) {
      const o = clampInt(raw, 0, text.length);
      // Every pair starting before o shortens it by one; o inside a pair lands before the pair.
      return o - (lastAtOrBefore(pairs, o - 1) + 1);
    },
    toUtf16(raw) {
      const cp = clampInt(raw, 0, length);
      // The k-th pair (0-based) starts at code point pairs[k] - k; each pair before cp adds a unit.
      let lo = 0;
      let hi = pairs.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (pairs[mid] - mid < cp) lo = mid + 1;
        else hi = mid;
      }
      return cp + lo;
    },
  };
}

export function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

export function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
