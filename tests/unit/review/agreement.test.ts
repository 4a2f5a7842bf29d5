import { describe, expect, it } from 'vitest';
import { computeAgreement } from '@/lib/review/agreement';
import type { TaggedSpan } from '@/lib/review/overlap';

const TAGS = ['un', 'intelligence', 'analyst'];
const ann = (id: string, start: number, end: number, tag: string, authorId: string): TaggedSpan => ({ id, start, end, tag, authorId });

/** Claim i is [100i, 100i + 10); each author tags it once. */
function twoRaters(pairs: Array<[string, string]>, [r1, r2] = ['alice', 'bob']): TaggedSpan[] {
  return pairs.flatMap(([t1, t2], i) => [
    ann(`${r1}-${i}`, 100 * i, 100 * i + 10, t1, r1),
    ann(`${r2}-${i}`, 100 * i + 2, 100 * i + 12, t2, r2), // 8/10 overlap
  ]);
}

describe('computeAgreement', () => {
  /*
   * Hand-checked example: 10 claims, alice (rater 1, lower id) vs bob (rater 2).
   *
   *                    bob: un  intelligence  analyst | alice total
   *   alice un              4        1           0    |  5
   *   alice intelligence    1        2           0    |  3
   *   alice analyst         0        1           1    |  2
   *   bob total             5        4           1    | 10
   *
   *   agreed = 4 + 2 + 1 = 7          p_o = 7/10 = 0.70
   *   p_e = (5·5 + 3·4 + 2·1) / 10² = 39/100 = 0.39
   *   kappa = (0.70 − 0.39) / (1 − 0.39) = 0.31 / 0.61 = 0.508196… ≈ 0.508
   */
  const handChecked: Array<[string, string]> = [
    ['un', 'un'],
    ['un', 'un'],
    ['un', 'un'],
    ['un', 'un'],
    ['un', 'intelligence'],
    ['intelligence', 'intelligence'],
    ['intelligence', 'intelligence'],
    ['intelligence', 'un'],
    ['analyst', 'analyst'],
    ['analyst', 'intelligence'],
  ];

  it('matches the hand-checked example', () => {
    const result = computeAgreement(twoRaters(handChecked), TAGS);
    expect(result.claims).toBe(10);
    expect(result.pairs).toBe(10);
    expect(result.agreed).toBe(7);
    expect(result.percentAgreement).toBeCloseTo(70, 3);
    expect(result.kappa).toBeCloseTo(0.508, 3);
    expect(result.confusion).toEqual({
      un: { un: 4, intelligence: 1, analyst: 0 },
      intelligence: { un: 1, intelligence: 2, analyst: 0 },
      analyst: { un: 0, intelligence: 1, analyst: 1 },
    });
  });

  it('orders raters by author id, not by input order or position in the text', () => {
    // Same data with bob's annotations first and starting earlier: rows must still be alice's.
    const swapped = twoRaters(handChecked.map(([a, b]) => [b, a]), ['bob', 'alice']);
    const result = computeAgreement(swapped, TAGS);
    expect(result.confusion).toEqual(computeAgreement(twoRaters(handChecked), TAGS).confusion);
    expect(result.confusion.analyst.intelligence).toBe(1);
    expect(result.kappa).toBeCloseTo(0.508, 3);
  });

  it('gives kappa −1 for systematic disagreement', () => {
    // p_o = 0, p_e = (1·1 + 1·1)/4 = 0.5 → kappa = −0.5/0.5 = −1
    const result = computeAgreement(twoRaters([['un', 'intelligence'], ['intelligence', 'un']]), TAGS);
    expect(result.agreed).toBe(0);
    expect(result.percentAgreement).toBe(0);
    expect(result.kappa).toBeCloseTo(-1, 6);
  });

  it('no overlaps: nothing to compare', () => {
    const result = computeAgreement([ann('a', 0, 10, 'un', 'alice'), ann('b', 10, 20, 'un', 'bob'), ann('c', 30, 40, 'un', 'carol')],
      TAGS,
    );
    expect(result).toEqual({
      claims: 0,
      pairs: 0,
      agreed: 0,
      percentAgreement: null,
      kappa: null,
      confusion: {
        un: { un: 0, intelligence: 0, analyst: 0 },
        intelligence: { un: 0, intelligence: 0, analyst: 0 },
        analyst: { un: 0, intelligence: 0, analyst: 0 },
      },
    });
  });

  it('ignores overlaps below 0.5 of the shorter span', () => {
    const result = computeAgreement([ann('a', 0, 10, 'un', 'alice'), ann('b', 6, 16, 'un', 'bob')], TAGS);
    expect(result.pairs).toBe(0);
    expect(result.claims).toBe(0);
  });

  it('one author only: own overlapping annotations are not pairs', () => {
    const result = computeAgreement([ann('a1', 0, 10, 'un', 'alice'), ann('a2', 0, 10, 'analyst', 'alice')], TAGS);
    expect(result.claims).toBe(0);
    expect(result.pairs).toBe(0);
    expect(result.kappa).toBeNull();
    expect(result.percentAgreement).toBeNull();
  });

  it('identical tags everywhere: p_e = 1 = p_o → kappa 1', () => {
    const result = computeAgreement(twoRaters([['un', 'un'], ['un', 'un'], ['un', 'un']]), TAGS);
    expect(result.pairs).toBe(3);
    expect(result.agreed).toBe(3);
    expect(result.percentAgreement).toBe(100);
    expect(result.kappa).toBe(1);
  });

  it('perfect agreement over several tags → kappa 1', () => {
    const result = computeAgreement(twoRaters([['un', 'un'], ['analyst', 'analyst']]), TAGS);
    expect(result.kappa).toBeCloseTo(1, 10);
  });

  it('matches greedily by best overlap: one pair per annotation per other author', () => {
    const result = computeAgreement(
      [
        ann('a1', 0, 10, 'un', 'alice'), // exact match with b1 (overlap 1)
        ann('a2', 4, 14, 'analyst', 'alice'), // also overlaps b1 (0.6) but b1 is taken for alice
        ann('b1', 0, 10, 'un', 'bob'),
      ],
      TAGS,
    );
    expect(result.pairs).toBe(1);
    expect(result.agreed).toBe(1);
    expect(result.claims).toBe(1);
  });

  it('greedy picks the better of two candidates even when it comes later in the text', () => {
    const result = computeAgreement(
      [
        ann('a1', 0, 10, 'analyst', 'alice'), // b1 overlap 0.6
        ann('a2', 4, 14, 'un', 'alice'), // b1 overlap 1
        ann('b1', 4, 14, 'un', 'bob'),
      ],
      TAGS,
    );
    expect(result.pairs).toBe(1);
    expect(result.agreed).toBe(1);
  });

  it('ranks by overlap ratio, not by shared length', () => {
    const result = computeAgreement(
      [
        ann('a1', 5, 25, 'analyst', 'alice'), // b1: shared 15, ratio 0.75
        ann('a2', 0, 8, 'un', 'alice'), // b1: shared 8, ratio 1 (contained)
        ann('b1', 0, 20, 'un', 'bob'),
      ],
      TAGS,
    );
    expect(result.pairs).toBe(1);
    expect(result.agreed).toBe(1);
  });

  it('pairs each annotation once per other author, so three authors on one claim give three pairs', () => {
    const result = computeAgreement(
      [ann('a', 0, 10, 'un', 'alice'), ann('b', 0, 10, 'un', 'bob'), ann('c', 1, 10, 'intelligence', 'carol')],
      TAGS,
    );
    expect(result.claims).toBe(1);
    expect(result.pairs).toBe(3);
    expect(result.agreed).toBe(1);
    // alice<bob: un/un; alice<carol: un/intelligence; bob<carol: un/intelligence
    expect(result.confusion.un).toEqual({ un: 1, intelligence: 2, analyst: 0 });
  });

  it('chains overlaps into one claim, and counts separate claims separately', () => {
    const result = computeAgreement(
      [
        ann('a', 0, 10, 'un', 'alice'),
        ann('b', 4, 14, 'un', 'bob'), // 0.6 with a
        ann('c', 9, 19, 'un', 'carol'), // 0.5 with b, 0.1 with a → same claim via b
        ann('d', 100, 110, 'un', 'alice'),
        ann('e', 100, 110, 'un', 'bob'),
        ann('f', 500, 510, 'un', 'carol'), // alone: not a claim
      ],
      TAGS,
    );
    expect(result.claims).toBe(2);
    expect(result.pairs).toBe(3); // a–b, b–c, d–e
  });

  it('adds tags outside tagKeys to the confusion matrix rather than dropping them', () => {
    const result = computeAgreement(twoRaters([['un', 'press']]), TAGS);
    expect(result.confusion.un.press).toBe(1);
    expect(result.confusion.press).toEqual({ un: 0, intelligence: 0, analyst: 0, press: 0 });
    expect(result.pairs).toBe(1);
  });
});
