import type { ReviewStatus, Verdict } from '@/lib/core/enums';

export interface ReviewInput {
  reviewerId: string;
  verdict: Verdict;
  createdAt: Date;
  resolvedAt?: Date | null;
}

/**
 * Status of an annotation from its reviews.
 *
 * 1. Each reviewer has one current verdict: their latest by createdAt (on a tie, the later array entry).
 *    Earlier verdicts by the same reviewer are superseded, even if the latest one is resolved.
 * 2. If reopenedAt is set, current verdicts not strictly after it are dropped: the author re-opened
 *    after responding, so only verdicts given since count.
 * 3. A DISPUTE / NEEDS_SOURCE with resolvedAt set is not open and counts for nothing.
 *    AGREE has nothing to resolve, so it counts whether or not resolvedAt is set.
 *
 *   any open DISPUTE        → DISPUTED      (dispute wins)
 *   else open NEEDS_SOURCE  → NEEDS_SOURCE
 *   else ≥ 1 AGREE          → CONFIRMED
 *   else                    → UNREVIEWED    (no verdicts, or only resolved objections)
 */
export function deriveStatus(reviews: readonly ReviewInput[], reopenedAt?: Date | null): ReviewStatus {
  const latest = new Map<string, ReviewInput>();
  for (const review of reviews) {
    const prev = latest.get(review.reviewerId);
    if (!prev || review.createdAt.getTime() >= prev.createdAt.getTime()) latest.set(review.reviewerId, review);
  }

  const cutoff = reopenedAt ? reopenedAt.getTime() : null;
  let agree = false;
  let needsSource = false;
  for (const review of latest.values()) {
    if (cutoff !== null && review.createdAt.getTime() <= cutoff) continue;
    if (review.verdict === 'AGREE') {
      agree = true;
      continue;
    }
    if (review.resolvedAt) continue;
    if (review.verdict === 'DISPUTE') return 'DISPUTED';
    needsSource = true;
  }
  if (needsSource) return 'NEEDS_SOURCE';
  return agree ? 'CONFIRMED' : 'UNREVIEWED';
}

/** The statuses the author answers (a reply, a re-tag) and then re-opens for review. */
export function isReopenable(status: ReviewStatus): boolean {
  return status === 'DISPUTED' || status === 'NEEDS_SOURCE';
}
