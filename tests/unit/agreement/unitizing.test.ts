import { describe, expect, it } from 'vitest';
import { sectionDistance, sectionsOf, unitizingAlpha, unitizingAlphaForCategory, type ObservedUnit } from '@/lib/agreement/unitizing';

const unit = (begin: number, length: number) => ({ begin, length, isUnit: true });
const gap = (begin: number, length: number) => ({ begin, length, isUnit: false });

describe('uα distances (Krippendorff 2004, Content Analysis, §12.5)', () => {
  it('the published distances between overlapping units and between a unit and a gap holding it', () => {
    // δ²(225/70, 220/80) = 5² + 5² = 50; δ²(370/30, 355/20) = 15² + 25² = 850; a 20-long unit inside a gap: 20² = 400.
    expect(sectionDistance(unit(225, 70), unit(220, 80))).toBe(50);
    expect(sectionDistance(unit(370, 30), unit(355, 20))).toBe(850);
    expect(sectionDistance(gap(400, 50), unit(400, 20))).toBe(400);
    expect(sectionDistance(unit(400, 20), gap(400, 50))).toBe(400);
    // Units that do not overlap, and gap against gap, are not compared.
    expect(sectionDistance(unit(370, 30), unit(400, 20))).toBe(0);
    expect(sectionDistance(gap(150, 75), gap(150, 70))).toBe(0);
  });

  it("splits one observer's continuum into units and gaps, merging the same category's overlapping units", () => {
    const units: ObservedUnit[] = [
      { start: 10, end: 20, category: 'c' },
      { start: 15, end: 25, category: 'c' },
      { start: 30, end: 40, category: 'k' },
    ];
    expect(sectionsOf(units, 'c', { begin: 0, length: 50 })).toEqual([gap(0, 10), unit(10, 15), gap(25, 25)]);
  });
});

describe("uα on Krippendorff's (2004, p. 254) example: two observers, continuum 150–450, categories c and k", () => {
  const observers: ObservedUnit[][] = [
    [
      { start: 225, end: 295, category: 'c' },
      { start: 370, end: 400, category: 'c' },
      { start: 180, end: 240, category: 'k' },
      { start: 300, end: 350, category: 'k' },
    ],
    [
      { start: 220, end: 300, category: 'c' },
      { start: 355, end: 375, category: 'c' },
      { start: 400, end: 420, category: 'c' },
      { start: 180, end: 240, category: 'k' },
      { start: 300, end: 350, category: 'k' },
    ],
  ];
  const continuum = { begin: 150, length: 300 };

  it('c: uD_o = .0144, uD_e = .0532, uα = .7286', () => {
    const c = unitizingAlphaForCategory(observers, 'c', continuum);
    // uD_o = 2·(50 + 850 + 400) / (2·1·300²)
    expect(c.observed).toBeCloseTo(0.0144, 4);
    expect(c.expected).toBeCloseTo(0.0532, 4);
    expect(c.alpha).toBeCloseTo(0.7286, 4);
  });

  it('k: identical units, uD_o = 0 and uα = 1', () => {
    const k = unitizingAlphaForCategory(observers, 'k', continuum);
    expect(k.observed).toBe(0);
    expect(k.expected).toBeCloseTo(0.049, 3);
    expect(k.alpha).toBe(1);
  });

  it('over both categories: 1 − Σ uD_o / Σ uD_e', () => {
    const all = unitizingAlpha(observers, continuum);
    const c = all.perCategory.c;
    const k = all.perCategory.k;
    expect(all.alpha).toBeCloseTo(1 - (c.observed + k.observed) / (c.expected + k.expected), 12);
    expect(all.alpha).toBeCloseTo(0.859, 2);
  });

  it('no units at all: null, never 1', () => {
    expect(unitizingAlpha([[], []], continuum).alpha).toBeNull();
    expect(unitizingAlphaForCategory(observers, 'absent', continuum).alpha).toBeNull();
  });

  it('observers who mark different places disagree (α well below 0.667)', () => {
    const apart: ObservedUnit[][] = [[{ start: 160, end: 200, category: 'c' }], [{ start: 300, end: 340, category: 'c' }]];
    expect(unitizingAlpha(apart, continuum).alpha!).toBeLessThan(0);
  });
});
