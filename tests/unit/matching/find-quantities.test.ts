import { describe, expect, it } from 'vitest';
import { extractClaimFeatures } from '@/lib/matching/extract-claim-features';

const figures = (text: string) => extractClaimFeatures(text).quantities.map((q) => ({ kind: q.kind, lo: q.lo, hi: q.hi, qualifier: q.qualifier, unit: q.unit }));
const years = (text: string) => extractClaimFeatures(text).years;

describe('figures', () => {
  it('reads digits, separators and number words as the same value', () => {
    for (const text of ['6,000 fighters', '6000 fighters', 'six thousand fighters', '6 thousand fighters']) {
      expect(figures(text)).toEqual([{ kind: 'count', lo: 6000, hi: 6000, qualifier: 'exact', unit: 'fighters' }]);
    }
    expect(figures('six hundred and eighty-five soldiers')[0]).toMatchObject({ lo: 685, unit: 'soldiers' });
    expect(figures('two dozen groups')[0]).toMatchObject({ lo: 24, unit: 'groups' });
    expect(figures('2.5 million people')[0]).toMatchObject({ lo: 2_500_000 });
    expect(figures('$1.2m in donations')[0]).toMatchObject({ kind: 'money', lo: 1_200_000 });
    expect(figures('half a million refugees')[0]).toMatchObject({ lo: 500_000 });
  });

  it('reads ranges in every spelling', () => {
    for (const text of ['6,000-6,500 fighters', '6,000 to 6,500 fighters', 'between 6,000 and 6,500 fighters', '6,000–6,500 fighters', 'six thousand to six and a half thousand fighters']) {
      expect(figures(text)[0], text).toMatchObject({ kind: 'count', lo: 6000, hi: 6500, unit: 'fighters' });
    }
    expect(figures('6 to 6.5 million people')[0]).toMatchObject({ lo: 6_000_000, hi: 6_500_000 });
  });

  it('keeps the qualifier', () => {
    expect(figures('more than 600 attacks')[0]).toMatchObject({ lo: 600, qualifier: 'atLeast', unit: 'attacks' });
    expect(figures('in excess of 600 attacks')[0]).toMatchObject({ qualifier: 'atLeast' });
    expect(figures('6,000-plus fighters')[0]).toMatchObject({ qualifier: 'atLeast' });
    expect(figures('nearly 2,000 fighters')[0]).toMatchObject({ qualifier: 'nearly' });
    expect(figures('an estimated 2,000 fighters')[0]).toMatchObject({ qualifier: 'approx' });
    expect(figures('up to 6,500 fighters')[0]).toMatchObject({ qualifier: 'atMost' });
    expect(figures('tens of thousands of operations')[0]).toMatchObject({ lo: 10_000, hi: 99_999, qualifier: 'vague' });
  });

  it('keeps years, percentages and ordinals apart from counts', () => {
    expect(years('573 attacks in 2021')).toEqual([2021]);
    expect(figures('573 attacks in 2021')).toEqual([{ kind: 'count', lo: 573, hi: 573, qualifier: 'exact', unit: 'attacks' }]);
    expect(years('the 2024-25 budget')).toEqual([2024, 2025]);
    expect(figures('2,021 attacks')[0]).toMatchObject({ kind: 'count', lo: 2021 });
    expect(figures('a 70 per cent increase')[0]).toMatchObject({ kind: 'percent', lo: 70, unit: 'change' });
    expect(figures('rose by 70%')[0]).toMatchObject({ kind: 'percent', lo: 70, unit: 'change' });
    expect(figures('62 percent of all attacks')[0]).toMatchObject({ kind: 'percent', lo: 62, unit: 'share' });
    expect(figures('more than half of the attacks')[0]).toMatchObject({ kind: 'percent', lo: 50, qualifier: 'atLeast' });
    expect(figures('the 36th report')[0]).toMatchObject({ kind: 'ordinal', lo: 36 });
  });

  it('skips dates, times and durations', () => {
    expect(figures('the UN said on 14 July')).toEqual([]);
    expect(figures('on July 14th')).toEqual([]);
    expect(figures('nearly four years after the takeover')).toEqual([]);
    expect(figures('one of the groups')).toEqual([]);
  });

  it('finds the counted noun behind modifiers and before the figure', () => {
    expect(figures('600 terrorist attacks')[0].unit).toBe('attacks');
    expect(figures('20 regional and international terrorist groups')[0].unit).toBe('groups');
    expect(figures('an estimated strength of 6,000')[0].unit).toBe('fighters');
    expect(figures('12 militants were killed')[0].unit).toBe('fighters');
    expect(figures('12 soldiers were killed')[0].unit).toBe('soldiers');
  });
});
