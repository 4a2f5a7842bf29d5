import { describe, expect, it } from 'vitest';
import {
  editDistance,
  prefixAdjacent,
  prefixSimilarity,
  quoteSimilarity,
  searchApprox,
  suffixAdjacent,
  suffixSimilarity,
} from '@/lib/anchoring/compare-text';

const cps = (s: string) => [...s].map((c) => c.codePointAt(0) ?? 0);

describe('quote similarity counts code points', () => {
  it('removing one emoji of four is a quarter, not a half', () => {
    expect(quoteSimilarity('🎉🎉🎉🎉', '🎉🎉🎉')).toBe(0.75);
    expect(quoteSimilarity('🎉 win', ' win')).toBe(0.8);
    expect(quoteSimilarity('x😀y', 'xy')).toBeCloseTo(2 / 3);
    expect(quoteSimilarity('', 'x')).toBe(0);
  });

  it('editDistance is Levenshtein, and stops at the limit', () => {
    expect(editDistance(cps('kitten'), cps('sitting'), 10)).toBe(3);
    expect(editDistance(cps('kitten'), cps('sitting'), 2)).toBe(3); // limit + 1
    expect(editDistance(cps('abc'), cps(''), 5)).toBe(3);
    expect(editDistance(cps('same'), cps('same'), 0)).toBe(0);
    expect(editDistance(cps('a'.repeat(50)), cps('b'.repeat(50)), 4)).toBe(5);
  });

  it('searchApprox reports UTF-16 offsets and code-point errors around emoji', () => {
    const text = 'before 🎉 Fans 🎉🎉 chanted yes, after';
    const found = searchApprox(text, 0, text.length, 'Fans 🎉🎉🎉 chanted', 2);
    expect(found).toHaveLength(1);
    expect(found[0].errors).toBe(1);
    expect(text.slice(found[0].start, found[0].end)).toMatch(/^Fans 🎉🎉 ?chanted$/);
    // Only inside the window.
    expect(searchApprox(text, 20, text.length, 'Fans', 0)).toEqual([]);
  });
});

describe('context comparison ignores how whitespace was written', () => {
  const text = 'the report. The militia has 6,000 fighters stationed near the border.';
  const at = text.indexOf('The militia');
  const end = at + 'The militia'.length;

  it('a prefix saved with newlines and tabs agrees fully', () => {
    expect(prefixSimilarity(text, at, 'the report.\n\n\t\t')).toBe(1);
    expect(prefixSimilarity(text, at, 'the report. ')).toBe(1);
    expect(suffixSimilarity(text, end, ' has\n   6,000 fighters')).toBe(1);
    expect(prefixSimilarity(text, at, 'the survey. ')).toBeLessThan(0.75);
  });

  it('adjacency looks at the characters right next to the quote', () => {
    expect(prefixAdjacent(text, at, 'the report.\n\t', 8)).toBe(true);
    expect(prefixAdjacent(text, at + 1, 'the report. ', 8)).toBe(false);
    expect(suffixAdjacent(text, end, ' has 6,000', 8)).toBe(true);
    expect(suffixAdjacent(text, end, ' had 6,000', 8)).toBe(false);
    // No stored context: only the text's own edges count as "next to it".
    expect(prefixAdjacent(text, 0, '', 8)).toBe(true);
    expect(prefixAdjacent(text, at, '', 8)).toBe(false);
    expect(suffixAdjacent(text, text.length, '', 8)).toBe(true);
  });
});
