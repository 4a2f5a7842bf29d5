import 'server-only';
import type { Tx } from '@/lib/db/server/prisma';
import type { ReviewStatus } from '@/lib/core/enums';
import { deriveStatus } from '@/lib/review/derive-status';

/** Derives the status from the current verdicts (respecting reopenedAt and resolvedAt) and stores it. */
export async function recomputeStatus(tx: Tx, annotation: { id: string; reopenedAt: Date | null; status: ReviewStatus }): Promise<ReviewStatus> {
  const current = await tx.review.findMany({
    where: { annotationId: annotation.id, supersededAt: null },
    select: { reviewerId: true, verdict: true, createdAt: true, resolvedAt: true },
    orderBy: { createdAt: 'asc' },
  });
  const status = deriveStatus(current, annotation.reopenedAt);
  if (status !== annotation.status) await tx.annotation.update({ where: { id: annotation.id }, data: { status } });
  return status;
}
