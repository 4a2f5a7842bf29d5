// The desk's agreement over time: ISO weeks and months, pooling on units (not averaging articles),
// open work listed but never pooled, and "no data" rather than a flattering 1.0.
import { describe, expect, it } from 'vitest';
import { computeAgreementOverTime, periodOf, type CompletedDoubleAnnotation } from '@/lib/agreement/agreement-over-time';

const TAGS = ['un', 'intel', 'analyst'];

/** An article whose analysts each tagged the same places; `tags[u][k]` is analyst k's tag on unit u (null: not marked). */
function item(articleId: string, completedAt: string, analysts: string[], tags: Array<Array<string | null>>, blind = true): CompletedDoubleAnnotation {
  const annotations = tags.flatMap((row, u) =>
    row.flatMap((tag, k) => (tag === null ? [] : [{ id: `${articleId}-${u}-${k}`, start: u * 20, end: u * 20 + 10, authorId: analysts[k]!, tag, exact: 'x'.repeat(10), note: null }])),
  );
  return { articleId, title: `Article ${articleId}`, completedAt: new Date(completedAt), blind, analysts: analysts.map((id) => ({ id, name: id })), annotations, textLength: tags.length * 20, tagKeys: TAGS };
}

describe('periodOf', () => {
  it('names ISO 8601 weeks, which start on Monday and belong to the year of their Thursday', () => {
    expect(periodOf(new Date('2026-12-31T12:00:00Z'), 'week')).toEqual({ key: '2026-W53', from: '2026-12-28', to: '2027-01-03' });
    expect(periodOf(new Date('2027-01-03T23:59:00Z'), 'week').key).toBe('2026-W53');
    expect(periodOf(new Date('2024-12-30T00:00:00Z'), 'week').key).toBe('2025-W01');
    expect(periodOf(new Date('2021-01-03T10:00:00Z'), 'week').key).toBe('2020-W53');
    expect(periodOf(new Date('2026-12-03T10:00:00Z'), 'week')).toEqual({ key: '2026-W49', from: '2026-11-30', to: '2026-12-06' });
  });

  it('names months with their first and last day', () => {
    expect(periodOf(new Date('2026-02-14T08:00:00Z'), 'month')).toEqual({ key: '2026-02', from: '2026-02-01', to: '2026-02-28' });
    expect(periodOf(new Date('2028-02-29T23:00:00Z'), 'month')).toEqual({ key: '2028-02', from: '2028-02-01', to: '2028-02-29' });
  });
});

describe('computeAgreementOverTime', () => {
  // Article 1 (Ana, Bo): un/un, un/un, intel/intel, un/intel. Article 2 (Cy, Di): intel/intel, un/un.
  // Pooled, 12 pairable values: o(un,un) = 6, o(intel,intel) = 4, o(un,intel) = o(intel,un) = 1;
  // n(un) = 7, n(intel) = 5; α = 1 − 11 · 2 / (2 · 7 · 5) = 48/70. The articles alone: 8/15 and 1
  // (their mean, 0.77, would overstate the desk: article 2 holds two units, article 1 four).
  const first = item('a1', '2026-11-10T09:00:00Z', ['ana', 'bo'], [['un', 'un'], ['un', 'un'], ['intel', 'intel'], ['un', 'intel']]);
  const second = item('a2', '2026-11-20T09:00:00Z', ['cy', 'di'], [['intel', 'intel'], ['un', 'un']]);

  it('pools the units of a period’s articles into one reliability table', () => {
    const report = computeAgreementOverTime({ items: [second, first], period: 'month' });
    expect(report.points.map((p) => p.articleId)).toEqual(['a1', 'a2']);
    expect(report.points[0]!.krippendorffAlpha.nominal).toBeCloseTo(1 - 14 / 30, 10);
    expect(report.points[1]!.krippendorffAlpha.nominal).toBe(1);
    expect(report.periods).toHaveLength(1);
    const [november] = report.periods;
    expect(november).toMatchObject({ period: '2026-11', from: '2026-11-01', to: '2026-11-30', articles: 2, units: 6, sharedUnits: 6 });
    expect(november!.alphaNominal).toBeCloseTo(48 / 70, 10);
    expect(report.reason).toBeNull();
  });

  it('gives each tag its specific agreement on the pooled units', () => {
    const [november] = computeAgreementOverTime({ items: [first, second], period: 'month' }).periods;
    expect(november!.perTag.un!.agreement).toBeCloseTo(6 / 7, 10);
    expect(november!.perTag.un!.uses).toBe(7);
    expect(november!.perTag.intel!.agreement).toBeCloseTo(4 / 5, 10);
    expect(november!.perTag.analyst).toEqual({ agreement: null, uses: 0 });
  });

  it('says how often each analyst agreed with the colleague who marked the same claim', () => {
    const { byAnalyst } = computeAgreementOverTime({ items: [first, second], period: 'month' });
    expect(byAnalyst.map((a) => [a.analyst.id, a.articles, a.sharedUnits, a.agreement])).toEqual([
      ['ana', 1, 4, 0.75],
      ['bo', 1, 4, 0.75],
      ['cy', 1, 2, 1],
      ['di', 1, 2, 1],
    ]);
  });

  it('keeps periods apart and in order', () => {
    const december = item('a3', '2026-12-02T09:00:00Z', ['ana', 'bo'], [['un', 'intel'], ['intel', 'un']]);
    const report = computeAgreementOverTime({ items: [december, first], period: 'month' });
    expect(report.periods.map((p) => [p.period, p.articles])).toEqual([
      ['2026-11', 1],
      ['2026-12', 1],
    ]);
    expect(report.periods[1]!.alphaNominal!).toBeLessThan(0);
    expect(report.byAnalyst.find((a) => a.analyst.id === 'ana')).toMatchObject({ articles: 2, sharedUnits: 6, agreement: 3 / 6 });
  });

  it('lists open work but never pools it', () => {
    const open = item('a4', '2026-11-15T09:00:00Z', ['ana', 'bo'], [['un', 'un'], ['intel', 'intel']], false);
    const report = computeAgreementOverTime({ items: [first, open], period: 'month' });
    expect(report.points.find((p) => p.articleId === 'a4')).toMatchObject({ blind: false, pooled: false });
    expect(report.periods[0]).toMatchObject({ articles: 1, units: 4 });
    const onlyOpen = computeAgreementOverTime({ items: [open], period: 'month' });
    expect(onlyOpen.periods).toEqual([]);
    expect(onlyOpen.reason).toMatch(/not pooled/);
  });

  it('says "no data" when the analysts share no claim, not a perfect score', () => {
    const apart = item('a5', '2026-11-12T09:00:00Z', ['ana', 'bo'], [['un', null], [null, 'intel']]);
    const report = computeAgreementOverTime({ items: [apart], period: 'week' });
    expect(report.periods[0]).toMatchObject({ period: '2026-W46', units: 2, sharedUnits: 0, alphaNominal: null });
    expect(report.byAnalyst.every((a) => a.agreement === null)).toBe(true);
    expect(computeAgreementOverTime({ items: [], period: 'week' }).reason).toMatch(/No double annotation/);
  });
});
