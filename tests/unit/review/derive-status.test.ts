import { describe, expect, it } from 'vitest';
import type { ReviewStatus, Verdict } from '@/lib/core/enums';
import { deriveStatus, type ReviewInput } from '@/lib/review/derive-status';

const t = (minute: number) => new Date(Date.UTC(2024, 0, 1, 12, minute));
const r = (reviewerId: string, verdict: Verdict, minute: number, resolvedMinute?: number): ReviewInput => ({
  reviewerId,
  verdict,
  createdAt: t(minute),
  resolvedAt: resolvedMinute === undefined ? null : t(resolvedMinute),
});

const cases: Array<[name: string, reviews: ReviewInput[], reopenedAt: Date | null, expected: ReviewStatus]> = [
  // Basic rules
  ['no reviews', [], null, 'UNREVIEWED'],
  ['one agree', [r('x', 'AGREE', 1)], null, 'CONFIRMED'],
  ['one dispute', [r('x', 'DISPUTE', 1)], null, 'DISPUTED'],
  ['one needs source', [r('x', 'NEEDS_SOURCE', 1)], null, 'NEEDS_SOURCE'],
  ['agree + dispute → dispute wins', [r('x', 'AGREE', 1), r('y', 'DISPUTE', 2)], null, 'DISPUTED'],
  ['dispute + agree (order irrelevant)', [r('y', 'DISPUTE', 2), r('x', 'AGREE', 3)], null, 'DISPUTED'],
  ['agree + needs source', [r('x', 'AGREE', 1), r('y', 'NEEDS_SOURCE', 2)], null, 'NEEDS_SOURCE'],
  ['needs source + dispute', [r('x', 'NEEDS_SOURCE', 1), r('y', 'DISPUTE', 2)], null, 'DISPUTED'],
  ['all three', [r('x', 'AGREE', 1), r('y', 'NEEDS_SOURCE', 2), r('z', 'DISPUTE', 3)], null, 'DISPUTED'],
  ['two agrees', [r('x', 'AGREE', 1), r('y', 'AGREE', 2)], null, 'CONFIRMED'],

  // One current verdict per reviewer
  ['reviewer changes dispute → agree', [r('x', 'DISPUTE', 1), r('x', 'AGREE', 2)], null, 'CONFIRMED'],
  ['reviewer changes agree → dispute', [r('x', 'AGREE', 1), r('x', 'DISPUTE', 2)], null, 'DISPUTED'],
  ['latest by createdAt, not array order', [r('x', 'AGREE', 5), r('x', 'DISPUTE', 2)], null, 'CONFIRMED'],
  ['same timestamp: later entry wins', [r('x', 'DISPUTE', 2), r('x', 'AGREE', 2)], null, 'CONFIRMED'],
  ['needs source → agree', [r('x', 'NEEDS_SOURCE', 1), r('x', 'AGREE', 2)], null, 'CONFIRMED'],
  ['other reviewer still disputes', [r('x', 'DISPUTE', 1), r('x', 'AGREE', 2), r('y', 'DISPUTE', 3)], null, 'DISPUTED'],

  // Resolved verdicts are not open
  ['resolved dispute only', [r('x', 'DISPUTE', 1, 3)], null, 'UNREVIEWED'],
  ['resolved needs source only', [r('x', 'NEEDS_SOURCE', 1, 3)], null, 'UNREVIEWED'],
  ['resolved dispute + agree', [r('x', 'DISPUTE', 1, 3), r('y', 'AGREE', 2)], null, 'CONFIRMED'],
  ['resolved dispute + open needs source', [r('x', 'DISPUTE', 1, 3), r('y', 'NEEDS_SOURCE', 2)], null, 'NEEDS_SOURCE'],
  ['resolved needs source + open dispute', [r('x', 'NEEDS_SOURCE', 1, 3), r('y', 'DISPUTE', 2)], null, 'DISPUTED'],
  ['agree with resolvedAt still agrees', [r('x', 'AGREE', 1, 3)], null, 'CONFIRMED'],
  ['latest resolved supersedes earlier agree', [r('x', 'AGREE', 1), r('x', 'DISPUTE', 2, 3)], null, 'UNREVIEWED'],
  ['latest open supersedes earlier resolved', [r('x', 'DISPUTE', 1, 2), r('x', 'DISPUTE', 3)], null, 'DISPUTED'],

  // Re-open: only verdicts strictly after reopenedAt count
  ['reopened, no new verdicts', [r('x', 'DISPUTE', 1)], t(5), 'UNREVIEWED'],
  ['reopened, old agree dropped too', [r('x', 'AGREE', 1)], t(5), 'UNREVIEWED'],
  ['reopened, new agree', [r('x', 'DISPUTE', 1), r('y', 'AGREE', 6)], t(5), 'CONFIRMED'],
  ['reopened, same reviewer agrees now', [r('x', 'DISPUTE', 1), r('x', 'AGREE', 6)], t(5), 'CONFIRMED'],
  ['reopened, new dispute', [r('x', 'AGREE', 1), r('y', 'DISPUTE', 6)], t(5), 'DISPUTED'],
  ['reopened, new needs source over old dispute', [r('x', 'DISPUTE', 1), r('y', 'NEEDS_SOURCE', 6)], t(5), 'NEEDS_SOURCE'],
  ['verdict exactly at reopenedAt is stale', [r('x', 'DISPUTE', 5)], t(5), 'UNREVIEWED'],
  ['verdict just after reopenedAt counts', [r('x', 'DISPUTE', 1), { ...r('x', 'AGREE', 5), createdAt: new Date(t(5).getTime() + 1) }], t(5), 'CONFIRMED'],
  ['reopenedAt null = not reopened', [r('x', 'DISPUTE', 1)], null, 'DISPUTED'],
];

describe('deriveStatus', () => {
  it.each(cases)('%s', (_name, reviews, reopenedAt, expected) => {
    expect(deriveStatus(reviews, reopenedAt)).toBe(expected);
  });

  it('treats an omitted reopenedAt as not reopened', () => {
    expect(deriveStatus([r('x', 'NEEDS_SOURCE', 1)])).toBe('NEEDS_SOURCE');
  });

  it('does not mutate its input', () => {
    const reviews = [r('x', 'AGREE', 2), r('x', 'DISPUTE', 1)];
    const copy = structuredClone(reviews);
    deriveStatus(reviews, t(0));
    expect(reviews).toEqual(copy);
  });
});
