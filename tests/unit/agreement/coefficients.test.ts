import { describe, expect, it } from 'vitest';
import { cohensKappa, fleissKappa, krippendorffAlphaNominal, type ReliabilityRow } from '@/lib/agreement/coefficients';

/** Observers as rows of the published tables (units in columns, '.' = missing) → one row per unit. */
function byUnit(...observers: string[][]): ReliabilityRow[] {
  return observers[0].map((_, u) => observers.map((o) => (o[u] === '.' ? null : o[u])));
}
const split = (s: string) => s.split(' ');

describe("Krippendorff's α, nominal — the worked examples of Krippendorff (2011), 'Computing Krippendorff's Alpha-Reliability'", () => {
  it('A. binary data, two observers, no missing data: α = 0.095', () => {
    const r = krippendorffAlphaNominal(byUnit(split('0 1 0 0 0 0 0 0 1 0'), split('1 1 1 0 0 1 0 0 0 0')));
    // The paper's coincidence matrix: o00 = 10, o01 = o10 = 4, o11 = 2; n = 20.
    expect(r.coincidences['0']['0']).toBe(10);
    expect(r.coincidences['0']['1']).toBe(4);
    expect(r.coincidences['1']['1']).toBe(2);
    expect(r.pairable).toBe(20);
    expect(r.alpha).toBeCloseTo(0.095, 3);
  });

  it('B. nominal data, two observers, no missing data: α = 0.692', () => {
    const r = krippendorffAlphaNominal(byUnit(split('a a b b d c c c e d d a'), split('b a b b b c c c e d d d')));
    expect(r.pairable).toBe(24);
    expect(r.alpha).toBeCloseTo(0.692, 3);
  });

  it('C. nominal data, any number of observers, missing data: α = 0.743', () => {
    const r = krippendorffAlphaNominal(
      byUnit(
        split('1 2 3 3 2 1 4 1 2 . . .'),
        split('1 2 3 3 2 2 4 1 2 5 . 3'),
        split('. 3 3 3 2 3 4 2 2 5 1 .'),
        split('1 2 3 3 2 4 4 1 2 5 1 .'),
      ),
    );
    // Unit 12 has one value: unpairable, so n.. = 40 as in the paper.
    expect(r.pairable).toBe(40);
    expect(r.alpha).toBeCloseTo(0.743, 3);
  });

  it('answers null, not 1, when nothing is pairable or every value is the same', () => {
    expect(krippendorffAlphaNominal([]).alpha).toBeNull();
    expect(krippendorffAlphaNominal(byUnit(split('a . b'), split('. a .'))).alpha).toBeNull();
    expect(krippendorffAlphaNominal(byUnit(split('a a a'), split('a a a'))).alpha).toBeNull();
  });
});

describe("Fleiss' κ", () => {
  // Fleiss (1971), "Measuring nominal scale agreement among many raters", Table 1: 30 patients, 6
  // psychiatrists, 5 diagnoses (1 depression, 2 personality disorder, 3 schizophrenia, 4 neurosis, 5 other).
  const fleiss1971 = [
    [4, 4, 4, 4, 4, 4], [2, 2, 2, 5, 5, 5], [2, 3, 3, 3, 3, 5], [5, 5, 5, 5, 5, 5], [2, 2, 2, 4, 4, 4],
    [1, 1, 3, 3, 3, 3], [3, 3, 3, 3, 5, 5], [1, 1, 3, 3, 3, 4], [1, 1, 4, 4, 4, 4], [5, 5, 5, 5, 5, 5],
    [1, 4, 4, 4, 4, 4], [1, 2, 4, 4, 4, 4], [2, 2, 2, 3, 3, 3], [1, 4, 4, 4, 4, 4], [2, 2, 4, 4, 4, 5],
    [3, 3, 3, 3, 3, 5], [1, 1, 1, 4, 5, 5], [1, 1, 1, 1, 1, 2], [2, 2, 4, 4, 4, 4], [1, 3, 3, 5, 5, 5],
    [5, 5, 5, 5, 5, 5], [2, 4, 4, 4, 4, 4], [2, 2, 4, 5, 5, 5], [1, 1, 4, 4, 4, 4], [1, 4, 4, 4, 4, 5],
    [2, 2, 2, 2, 2, 4], [1, 1, 1, 1, 5, 5], [2, 2, 4, 4, 4, 4], [1, 3, 3, 3, 3, 3], [5, 5, 5, 5, 5, 5],
  ].map((ratings) => {
    const row: Record<string, number> = {};
    for (const r of ratings) row[String(r)] = (row[String(r)] ?? 0) + 1;
    return row;
  });

  it('reproduces Fleiss (1971): P̄ = 0.556, P̄e = 0.220, κ = 0.430, and the category κ_j', () => {
    const r = fleissKappa(fleiss1971)!;
    expect(r.observed).toBeCloseTo(0.5556, 3);
    expect(r.expected).toBeCloseTo(0.2201, 3);
    expect(r.kappa).toBeCloseTo(0.43, 2);
    // Published κ_j: .248 .248 .517 .470 .565
    expect(r.perCategory['1']).toBeCloseTo(0.248, 2);
    expect(r.perCategory['2']).toBeCloseTo(0.248, 2);
    expect(r.perCategory['3']).toBeCloseTo(0.517, 2);
    expect(r.perCategory['4']).toBeCloseTo(0.47, 2);
    expect(r.perCategory['5']).toBeCloseTo(0.565, 2);
  });

  it("reproduces Wikipedia's worked example (10 subjects, 14 raters, 5 categories): P̄ = 0.378, P̄e = 0.213, κ = 0.210", () => {
    const table = [
      [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
    ].map((counts) => Object.fromEntries(counts.map((n, j) => [String(j + 1), n])));
    const r = fleissKappa(table)!;
    expect(r.observed).toBeCloseTo(0.378, 3);
    expect(r.expected).toBeCloseTo(0.213, 3);
    expect(r.kappa).toBeCloseTo(0.21, 3);
  });

  it('refuses units with different numbers of raters, and answers null without units', () => {
    expect(() => fleissKappa([{ a: 2 }, { a: 1, b: 2 }])).toThrow(/same number of raters/);
    expect(fleissKappa([])).toBeNull();
  });
});

describe("Cohen's κ", () => {
  it("reproduces Wikipedia's example: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no → p_o = .7, p_e = .5, κ = 0.4", () => {
    const pairs: Array<[string, string]> = [
      ...Array<[string, string]>(20).fill(['yes', 'yes']),
      ...Array<[string, string]>(5).fill(['yes', 'no']),
      ...Array<[string, string]>(10).fill(['no', 'yes']),
      ...Array<[string, string]>(15).fill(['no', 'no']),
    ];
    expect(cohensKappa(pairs)).toBeCloseTo(0.4, 10);
  });

  it('is null without shared units and when both raters used one value throughout', () => {
    expect(cohensKappa([])).toBeNull();
    expect(cohensKappa([['un', 'un'], ['un', 'un']])).toBeNull();
  });
});
