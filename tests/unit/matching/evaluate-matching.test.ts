import { describe, expect, it } from 'vitest';
import { claimKey, evaluateMatching, type MatchingGold } from '@/lib/matching/evaluate-matching';

const c = (file: string, quote: string) => ({ file, quote });
const gold: MatchingGold = {
  groups: [{ claims: [c('a', 'A1'), c('b', 'B1'), c('c', 'C1')] }, { claims: [c('a', 'A2'), c('a', 'A3')] }],
  mustNotMatch: [{ a: c('a', 'A1'), b: c('b', 'B9') }],
};
const k = (file: string, quote: string) => claimKey(c(file, quote));
const r = (...keys: string[]) => keys.map((key, i) => ({ key, score: 1 - i / 10, reason: '' }));

describe('evaluateMatching', () => {
  it('scores recall, MAP and false matches as documented', () => {
    const rankings = new Map([
      [k('a', 'A1'), r(k('b', 'B9'), k('b', 'B1'))], // one of two relevant, at rank 2; a false match
      [k('b', 'B1'), r(k('a', 'A1'), k('c', 'C1'))], // perfect
      [k('c', 'C1'), r()], // nothing
    ]);
    const report = evaluateMatching(gold, rankings);
    // Group 2 is within one article: no queries from it.
    expect(report.queries.map((q) => q.query)).toEqual([k('a', 'A1'), k('b', 'B1'), k('c', 'C1')]);
    expect(report.recallAt1).toBeCloseTo((0 + 1 + 0) / 3);
    expect(report.recallAt5).toBeCloseTo((0.5 + 1 + 0) / 3);
    expect(report.map5).toBeCloseTo((0.5 * (1 / 2) + 1 + 0) / 3);
    expect(report.falseMatchRate).toBe(1);
  });
});
