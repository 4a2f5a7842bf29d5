import { codePointIndex, isLowSurrogate } from '@/lib/anchoring/code-points';

/** W3C Web Annotation TextQuoteSelector. */
export type TextQuoteSelector = { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string };

/**
 * W3C Web Annotation TextPositionSelector: offsets into the canonical text in Unicode code points,
 * as the Web Annotation model counts them, end exclusive.
 */
export type TextPositionSelector = { type: 'TextPositionSelector'; start: number; end: number };

/**
 * Quote and position of one annotation, as stored (both selectors flattened). `start`/`end` are
 * UTF-16 code units (JavaScript string indices), as the JSON API gives them; `toSelectors`
 * converts them to the W3C model's code points.
 */
export type AnchorTarget = { exact: string; prefix: string; suffix: string; start: number; end: number };

/** Characters of context kept on each side of the quote. */
export const CONTEXT_LENGTH = 32;

/**
 * Describes `text[start, end)` with both selectors. Throws RangeError for offsets that are not
 * integers within [0, text.length] with start <= end: describing a range the caller never had
 * would store a wrong anchor silently.
 */
export function describeRange(text: string, start: number, end: number): AnchorTarget {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > text.length) {
    throw new RangeError(`Invalid range [${start}, ${end}) for a text of length ${text.length}`);
  }
  let prefixStart = Math.max(0, start - CONTEXT_LENGTH);
  let suffixEnd = Math.min(text.length, end + CONTEXT_LENGTH);
  // Never cut a surrogate pair: a lone surrogate is not valid in Postgres jsonb.
  if (prefixStart > 0 && isLowSurrogate(text.charCodeAt(prefixStart))) prefixStart += 1;
  if (suffixEnd < text.length && isLowSurrogate(text.charCodeAt(suffixEnd))) suffixEnd -= 1;
  return {
    exact: text.slice(start, end),
    prefix: text.slice(prefixStart, start),
    suffix: text.slice(end, Math.max(end, suffixEnd)),
    start,
    end,
  };
}

/** The two W3C selectors for a stored target on `text`, positions in code points. */
export function toSelectors(target: AnchorTarget, text: string): [TextQuoteSelector, TextPositionSelector] {
  const index = codePointIndex(text);
  return [
    { type: 'TextQuoteSelector', exact: target.exact, prefix: target.prefix, suffix: target.suffix },
    { type: 'TextPositionSelector', start: index.toCodePoint(target.start), end: index.toCodePoint(target.end) },
  ];
}

/** Whether `exact` is what `text` holds at [start, end): validates a client-submitted anchor. */
export function quoteMatches(text: string, start: number, end: number, exact: string): boolean {
  return (
    Number.isInteger(start) &&
    Number.isInteger(end) &&
    start >= 0 &&
    start <= end &&
    end <= text.length &&
    end - start === exact.length &&
    text.startsWith(exact, start)
  );
}

