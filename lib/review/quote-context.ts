/** Where a quote sits in its paragraph: the paragraph's text and the quote's offsets inside it. */
export type QuoteContext = { paragraph: string; start: number; end: number };

const MAX_CONTEXT = 1_200;

/**
 * The paragraph (canonical text textblocks are joined by "\n") around [start, end), trimmed to
 * roughly MAX_CONTEXT characters centred on the quote for very long paragraphs.
 */
export function quoteContext(text: string, start: number, end: number): QuoteContext {
  const s = Math.max(0, Math.min(start, text.length));
  const e = Math.max(s, Math.min(end, text.length));
  let from = text.lastIndexOf('\n', s - 1) + 1;
  let to = text.indexOf('\n', e);
  if (to === -1) to = text.length;
  if (to - from > MAX_CONTEXT) {
    const spare = Math.max(0, MAX_CONTEXT - (e - s));
    from = Math.max(from, s - Math.floor(spare / 2));
    to = Math.min(to, e + Math.ceil(spare / 2));
  }
  return { paragraph: text.slice(from, to), start: s - from, end: e - from };
}
