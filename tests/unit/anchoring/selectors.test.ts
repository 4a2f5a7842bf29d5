import { describe, expect, it } from 'vitest';
import { CONTEXT_LENGTH, describeRange, quoteMatches, toSelectors } from '@/lib/anchoring';
import { loadArticle } from './fixtures';

const text = loadArticle();

describe('describeRange', () => {
  it('keeps 32 characters of context on each side in the middle of the text', () => {
    const start = text.indexOf('more than 20 regional');
    const end = start + 'more than 20 regional'.length;
    const d = describeRange(text, start, end);
    expect(CONTEXT_LENGTH).toBe(32);
    expect(d).toEqual({
      exact: 'more than 20 regional',
      prefix: text.slice(start - 32, start),
      suffix: text.slice(end, end + 32),
      start,
      end,
    });
    expect(d.prefix.endsWith('continues to be used by ')).toBe(true);
    expect(d.suffix.startsWith(' and international terrorist')).toBe(true);
  });

  it('has an empty prefix at the start of the document', () => {
    const d = describeRange(text, 0, 9);
    expect(d).toMatchObject({ exact: 'UN Flags ', prefix: '', start: 0, end: 9 });
    expect(d.suffix).toBe(text.slice(9, 41));
    expect(describeRange(text, 5, 9).prefix).toBe('UN Fl');
  });

  it('has an empty suffix at the end of the document', () => {
    const d = describeRange(text, text.length - 7, text.length);
    expect(d).toMatchObject({ exact: 'beyond.', suffix: '', end: text.length });
    expect(d.prefix).toBe(text.slice(text.length - 39, text.length - 7));
    expect(describeRange(text, text.length - 13, text.length - 8)).toMatchObject({ exact: 'egion', suffix: ' beyond.' });
  });

  it('describes a collapsed range and the whole text', () => {
    expect(describeRange('abc', 1, 1)).toEqual({ exact: '', prefix: 'a', suffix: 'bc', start: 1, end: 1 });
    expect(describeRange('abc', 0, 3)).toEqual({ exact: 'abc', prefix: '', suffix: '', start: 0, end: 3 });
    expect(describeRange('', 0, 0)).toEqual({ exact: '', prefix: '', suffix: '', start: 0, end: 0 });
  });

  it('does not cut a surrogate pair at the edge of the context', () => {
    const s = `😀${'x'.repeat(31)}QUOTE${'y'.repeat(31)}😀tail`;
    const start = s.indexOf('QUOTE');
    const d = describeRange(s, start, start + 5);
    // 32 code units back would start on the emoji's low surrogate.
    expect(d.prefix).toBe('x'.repeat(31));
    expect(d.suffix).toBe('y'.repeat(31));
    const whole = describeRange(`a${'x'.repeat(30)}😀Q`, 33, 34);
    expect(whole.prefix).toBe(`${'x'.repeat(30)}😀`);
  });

  it('rejects ranges the text cannot have', () => {
    expect(() => describeRange('abc', 2, 1)).toThrow(RangeError);
    expect(() => describeRange('abc', -1, 1)).toThrow(RangeError);
    expect(() => describeRange('abc', 0, 4)).toThrow(RangeError);
    expect(() => describeRange('abc', 0.5, 1)).toThrow(RangeError);
  });

  it('renders the W3C selectors', () => {
    expect(toSelectors(describeRange('hello world', 6, 11), 'hello world')).toEqual([
      { type: 'TextQuoteSelector', exact: 'world', prefix: 'hello ', suffix: '' },
      { type: 'TextPositionSelector', start: 6, end: 11 },
    ]);
  });

  it('counts TextPositionSelector offsets in code points: an emoji before the quote is one', () => {
    const s = '🚀🚀 Launch: the rocket carried 5 satellites';
    const start = s.indexOf('5 satellites');
    const [quote, position] = toSelectors(describeRange(s, start, s.length), s);
    expect(quote.exact).toBe('5 satellites');
    expect(position).toEqual({ type: 'TextPositionSelector', start: start - 2, end: s.length - 2 });
    expect([...s].slice(position.start, position.end).join('')).toBe('5 satellites');
  });
});

describe('quoteMatches', () => {
  it('accepts the quote the text holds at those offsets', () => {
    const start = text.indexOf('600 attacks');
    expect(quoteMatches(text, start, start + 11, '600 attacks')).toBe(true);
    expect(quoteMatches('abc', 0, 0, '')).toBe(true);
  });

  it('rejects a different quote, wrong offsets or out-of-range offsets', () => {
    const start = text.indexOf('600 attacks');
    expect(quoteMatches(text, start, start + 11, '700 attacks')).toBe(false);
    expect(quoteMatches(text, start + 1, start + 12, '600 attacks')).toBe(false);
    expect(quoteMatches(text, start, start + 10, '600 attacks')).toBe(false);
    expect(quoteMatches('abc', 2, 1, '')).toBe(false);
    expect(quoteMatches('abc', 1, 4, 'bc')).toBe(false);
    expect(quoteMatches('abc', -1, 1, 'a')).toBe(false);
    expect(quoteMatches('abc', 0.5, 1.5, 'a')).toBe(false);
  });
});
