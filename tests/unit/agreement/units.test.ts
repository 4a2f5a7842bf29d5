import { describe, expect, it } from 'vitest';
import { computeUnitAgreement } from '@/lib/agreement/article-agreement';
import { landisKoch } from '@/lib/agreement/bands';
import { boundaryF1 } from '@/lib/agreement/boundaries';
import { formUnits, unitAgreement, unitKey } from '@/lib/agreement/units';

const ann = (id: string, start: number, end: number, tag: string, authorId: string) => ({ id, start, end, tag, authorId, exact: `text ${id}` });
const amira = { id: 'amira', name: 'Amira' };
const ben = { id: 'ben', name: 'Ben' };
const carl = { id: 'carl', name: 'Carl' };

describe('formUnits', () => {
  it('chains annotations overlapping ≥ half the shorter span into one unit, and keeps apart those that do not', () => {
    const units = formUnits([ann('a1', 0, 10, 'un', 'amira'), ann('b1', 2, 12, 'un', 'ben'), ann('c1', 9, 30, 'un', 'carl'), ann('b2', 50, 60, 'un', 'ben')]);
    expect(units.map((u) => u.annotations.map((a) => a.id))).toEqual([['a1', 'b1'], ['c1'], ['b2']]);
    expect(units[0]).toMatchObject({ start: 0, end: 12 });
  });

  it("joins the same analyst's overlapping annotations and keeps their longest as that analyst's value", () => {
    const [u] = formUnits([ann('a1', 0, 10, 'un', 'amira'), ann('a2', 0, 12, 'analyst', 'amira'), ann('b1', 1, 11, 'un', 'ben')]);
    expect(u.annotations).toHaveLength(3);
    expect(u.byAuthor.get('amira')!.id).toBe('a2');
  });

  it('gives a unit a key that depends on its members only', () => {
    expect(unitKey(['x', 'y'])).toBe(unitKey(['y', 'x']));
    expect(unitKey(['x', 'y'])).not.toBe(unitKey(['x', 'z']));
    expect(unitKey(['x'])).toMatch(/^u[0-9a-f]{16}$/);
  });

  it('classifies what the analysts agree on, with a span tolerance of 3 characters', () => {
    const classify = (...a: ReturnType<typeof ann>[]) => unitAgreement(formUnits(a)[0], ['amira', 'ben']);
    expect(classify(ann('a', 0, 20, 'un', 'amira'), ann('b', 2, 23, 'un', 'ben'))).toBe('all');
    expect(classify(ann('a', 0, 20, 'un', 'amira'), ann('b', 0, 30, 'un', 'ben'))).toBe('tag');
    expect(classify(ann('a', 0, 20, 'un', 'amira'), ann('b', 0, 20, 'analyst', 'ben'))).toBe('span');
    expect(classify(ann('a', 0, 20, 'un', 'amira'), ann('b', 5, 30, 'analyst', 'ben'))).toBe('none');
    expect(classify(ann('a', 0, 20, 'un', 'amira'))).toBe('single');
    expect(unitAgreement(formUnits([ann('a', 0, 20, 'un', 'amira'), ann('b', 0, 20, 'un', 'ben')])[0], ['amira', 'ben', 'carl'])).toBe('partial');
  });
});

describe('boundaryF1', () => {
  it('matches spans one to one: exact needs both ends, overlap one shared character', () => {
    const a = [{ id: 'a1', start: 0, end: 10 }, { id: 'a2', start: 20, end: 30 }];
    const b = [{ id: 'b1', start: 0, end: 10 }, { id: 'b2', start: 25, end: 35 }, { id: 'b3', start: 50, end: 60 }];
    expect(boundaryF1(a, b, 'exact')).toBeCloseTo((2 * 1) / 5, 12);
    expect(boundaryF1(a, b, 'overlap')).toBeCloseTo((2 * 2) / 5, 12);
    expect(boundaryF1([], [], 'exact')).toBeNull();
  });
});

describe('computeUnitAgreement', () => {
  const tags = ['un', 'intelligence', 'analyst'];

  it('says "no data" instead of 1.0 when the analysts share no unit', () => {
    const r = computeUnitAgreement({ annotations: [ann('a', 0, 10, 'un', 'amira'), ann('b', 100, 110, 'un', 'ben')], analysts: [amira, ben], textLength: 200, tagKeys: tags });
    expect(r.sharedUnits).toBe(0);
    expect(r.cohenKappa).toBeNull();
    expect(r.krippendorffAlpha.nominal).toBeNull();
    expect(r.reason).toMatch(/No data/);
    // The markings are still compared: nothing in common is a disagreement on where claims are.
    expect(r.boundaries.overlapF1).toBe(0);
    expect(r.krippendorffAlpha.unitizing!).toBeLessThan(0.667);
    expect(r.disagreements.map((d) => d.agreement)).toEqual(['single', 'single']);
  });

  it('names the analysts in the confusion table and lists every disagreeing unit with both annotations', () => {
    const r = computeUnitAgreement({
      annotations: [
        ann('a1', 0, 10, 'un', 'amira'), ann('b1', 0, 10, 'un', 'ben'),
        ann('a2', 20, 30, 'un', 'amira'), ann('b2', 20, 30, 'intelligence', 'ben'),
        ann('a3', 40, 50, 'analyst', 'amira'), ann('b3', 40, 50, 'analyst', 'ben'),
        ann('a4', 60, 70, 'intelligence', 'amira'), ann('b4', 60, 70, 'intelligence', 'ben'),
      ],
      analysts: [amira, ben],
      textLength: 100,
      tagKeys: tags,
    });
    expect(r.confusionByPair).toHaveLength(1);
    expect(r.confusionByPair[0]).toMatchObject({ a: amira, b: ben, units: 4 });
    expect(r.confusionByPair[0].table.un.intelligence).toBe(1);
    expect(r.disagreements).toHaveLength(1);
    expect(r.disagreements[0].annotations.map((a) => [a.id, a.author.name, a.tag])).toEqual([['a2', 'Amira', 'un'], ['b2', 'Ben', 'intelligence']]);
    // 3 of 4 agree; amira un 2 / intelligence 1 / analyst 1, ben un 1 / intelligence 2 / analyst 1:
    // p_o = .75, p_e = (2·1 + 1·2 + 1·1)/16 = 5/16, κ = (.75 − .3125)/(1 − .3125) = 0.636…
    expect(r.cohenKappa).toBeCloseTo(0.4375 / 0.6875, 12);
    expect(r.boundaries).toEqual({ exactF1: 1, overlapF1: 1 });
    expect(r.perTag.analyst.agreement).toBe(1);
    expect(r.perTag.un.agreement).toBeCloseTo(2 / 3, 12);
    expect(r.fleissKappa).toBeNull();
  });

  it("computes Fleiss' κ for three analysts on the units all three marked", () => {
    const r = computeUnitAgreement({
      annotations: [ann('a1', 0, 10, 'un', 'amira'), ann('b1', 0, 10, 'un', 'ben'), ann('c1', 0, 10, 'un', 'carl'), ann('a2', 20, 30, 'un', 'amira'), ann('b2', 20, 30, 'analyst', 'ben'), ann('c2', 20, 30, 'analyst', 'carl')],
      analysts: [amira, ben, carl],
      textLength: 40,
      tagKeys: tags,
    });
    // P_1 = 1, P_2 = 1/3 → P̄ = 2/3; p_un = 4/6, p_analyst = 2/6 → P̄e = 5/9; κ = (2/3 − 5/9)/(4/9) = 0.25
    expect(r.fleissKappa).toBeCloseTo(0.25, 12);
    expect(r.confusionByPair.map((p) => `${p.a.name}/${p.b.name}`)).toEqual(['Amira/Ben', 'Amira/Carl', 'Ben/Carl']);
  });
});

describe('landisKoch', () => {
  it('reads κ on the Landis & Koch scale', () => {
    expect(landisKoch(-0.1)).toMatch(/poor/);
    expect(landisKoch(0.1)).toBe('slight');
    expect(landisKoch(0.3)).toBe('fair');
    expect(landisKoch(0.5)).toBe('moderate');
    expect(landisKoch(0.7)).toBe('substantial');
    expect(landisKoch(0.9)).toBe('almost perfect');
  });
});
