import { describe, expect, it } from 'vitest';
import type { Suggestion } from '@/lib/suggest';
import { canonicalFromPlainText, evaluateSuggestions, formatReport, GoldQuoteNotFoundError, locateGold, overlapRatio } from '@/lib/suggest/evaluate';

const TEXT = 'Head\nAlpha claim one here. Beta claim two here. Gamma claim three here.';
function sug(exact: string, tag: string | null): Suggestion {
  const start = TEXT.indexOf(exact);
  return { start, end: start + exact.length, exact, tag, confidence: 0.5, reason: 'r' };
}

describe('evaluate', () => {
  it('normalises plain text like the app: trim lines, drop empty ones, join with \\n', () => {
    expect(canonicalFromPlainText('  Title  \r\n\r\n Para one. \n\n\nPara two.\n')).toBe('Title\nPara one.\nPara two.');
  });

  it('locates gold quotes, honours occurrence, and errors clearly when a quote is missing', () => {
    expect(locateGold('a b a b', [{ quote: 'a b', label: 'x', occurrence: 1 }])[0]).toMatchObject({ start: 4, end: 7 });
    expect(() => locateGold(TEXT, [{ quote: 'Delta claim', label: 'un' }])).toThrow(GoldQuoteNotFoundError);
    expect(() => locateGold(TEXT, [{ quote: 'Delta claim', label: 'un' }])).toThrow(/gold quote not found.*Delta claim/);
  });

  it('measures overlap against the shorter span', () => {
    expect(overlapRatio({ start: 0, end: 10 }, { start: 5, end: 8 })).toBe(1);
    expect(overlapRatio({ start: 0, end: 10 }, { start: 5, end: 20 })).toBe(0.5);
    expect(overlapRatio({ start: 0, end: 4 }, { start: 4, end: 8 })).toBe(0);
  });

  it('computes precision, recall and tag accuracy with one-to-one matching at ≥ 50% overlap', () => {
    const gold = [
      { quote: 'Alpha claim one here.', label: 'un' },
      { quote: 'Beta claim two here.', label: 'analyst' },
      { quote: 'Gamma claim three here.', label: 'official' },
    ];
    const suggestions = [
      sug('Alpha claim one here.', 'un'), // match, right tag
      sug('Alpha claim', null), // overlaps Alpha fully but Alpha is taken: false positive
      sug('Beta claim two here.', 'un'), // match, wrong tag
      sug('here. Gamma', 'official'), // overlaps Gamma by 5/11 of the shorter span: below 50%
    ];
    const r = evaluateSuggestions(TEXT, gold, suggestions);
    expect(r.matched).toBe(2);
    expect(r.precision).toBe(0.5);
    expect(r.recall).toBeCloseTo(2 / 3);
    expect(r.tagAccuracy).toBe(0.5);
    expect(r.rows.map((x) => x.suggestion?.exact ?? null)).toEqual(['Alpha claim one here.', 'Beta claim two here.', null]);
    expect(r.unmatched.map((s) => s.exact)).toEqual(['Alpha claim', 'here. Gamma']);
    const table = formatReport(r);
    expect(table).toContain('precision 50.0%');
    expect(table).toContain('(missed)');
  });

  it('scores an empty suggestion list as zero precision and recall', () => {
    const r = evaluateSuggestions(TEXT, [{ quote: 'Beta claim two here.', label: 'un' }], []);
    expect([r.precision, r.recall, r.tagAccuracy]).toEqual([0, 0, 0]);
  });
});
