import { describe, expect, it } from 'vitest';
import type { Suggestion } from '@/lib/suggest';
import { canonicalFromPlainText, combineReports, evaluateSuggestions, formatReport, GoldQuoteNotFoundError, locateGold, overlapRatio, parseGoldSet } from '@/lib/suggest/evaluate';

const TEXT = 'Head\nAlpha claim one here. Beta claim two here. Gamma claim three here.';
function sug(exact: string, tag: string | null): Suggestion {
  const start = TEXT.indexOf(exact);
  return { start, end: start + exact.length, exact, tag, confidence: 0.5, reason: 'r', rules: [] };
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

  it('maps labels the desk has no tag for to "no tag", counts defensible alternatives, and micro-averages articles', () => {
    const gold = [
      { quote: 'Alpha claim one here.', label: 'other' },
      { quote: 'Beta claim two here.', label: 'analyst', also: ['un'] },
      { quote: 'Gamma claim three here.', label: 'un', also: ['other'] },
    ];
    const suggestions = [sug('Alpha claim one here.', null), sug('Beta claim two here.', 'un'), sug('Gamma claim three here.', 'analyst')];
    const r = evaluateSuggestions(TEXT, gold, suggestions, { deskTags: ['un', 'intelligence', 'analyst'] });
    expect(r.rows.map((x) => [x.tagCorrect, x.tagStrict])).toEqual([[true, true], [true, false], [false, false]]);
    expect(r.tagAccuracy).toBeCloseTo(2 / 3);
    expect(r.tagAccuracyStrict).toBeCloseTo(1 / 3);
    // Without desk tags a label is taken as a tag key: "other" then expects the tag "other".
    expect(evaluateSuggestions(TEXT, gold, suggestions).rows[0].tagCorrect).toBe(false);
    const both = combineReports([r, evaluateSuggestions(TEXT, gold.slice(0, 1), [], { deskTags: ['un'] })]);
    expect([both.gold, both.matched, both.suggested]).toEqual([4, 3, 3]);
    expect(both.recall).toBe(0.75);
  });

  it('parses a gold set keyed by article file and refuses malformed claims', () => {
    const set = parseGoldSet({ about: 'x', sources: { 'a.txt': 'url' }, 'a.txt': [{ quote: 'q', label: 'un', also: ['other'] }] });
    expect(set.articles).toEqual([{ file: 'a.txt', claims: [{ quote: 'q', label: 'un', also: ['other'] }] }]);
    expect(() => parseGoldSet({ 'a.txt': [{ quote: 1, label: 'un' }] })).toThrow(/quote.*label.*strings/);
    expect(() => parseGoldSet({ about: 'only' })).toThrow(/no article lists/);
  });

  it('scores an empty suggestion list as zero precision and recall', () => {
    const r = evaluateSuggestions(TEXT, [{ quote: 'Beta claim two here.', label: 'un' }], []);
    expect([r.precision, r.recall, r.tagAccuracy]).toEqual([0, 0, 0]);
  });
});
