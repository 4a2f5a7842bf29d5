import 'server-only';
import { assertMayReadAnnotation } from '@/lib/assignments/server/assert-blind-access';
import { AppError, forbidden } from '@/lib/api/app-error';
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import { getAnnotation } from '@/lib/annotations/server/get-annotation';
import { viewerAnnotation } from '@/lib/annotations/server/viewer-annotations';
import type { Actor } from '@/lib/core/actor';
import { canReview } from '@/lib/core/permissions';
import type { Db, Tx } from '@/lib/db/server/prisma';
import { runWrite, type Write } from '@/lib/db/server/run-write';
import { reviewDtoSelect, toReviewDto, type ReviewDto } from '@/lib/review/review-dto';
import type { ReviewInput } from '@/lib/review/review-schemas';
import { getDeskSettings } from '@/lib/review/server/get-desk-settings';
import { lockLiveAnnotation, type LockedAnnotation } from '@/lib/review/server/lock-annotation';
import { recomputeStatus } from '@/lib/review/server/recompute-status';

/**
 * Records a reviewer's verdict. A reviewer has one current verdict per annotation: the previous one
 * is marked superseded (kept for the history) and a new row is inserted; then the annotation's
 * status is re-derived — all in one transaction with the audit event and the live event.
 */
export async function submitReview(db: Db, actor: Actor, annotationId: string, input: ReviewInput): Promise<{ review: ReviewDto; annotation: AnnotationDto }> {
  const review = await runWrite(db, actor, async (w) => {
    const annotation = await lockLiveAnnotation(w.tx, annotationId);
    await assertMayReadAnnotation(w.tx, actor, annotation);
    const desk = await getDeskSettings(w.tx);
    const decision = canReview({ actor, annotationAuthorId: annotation.authorId, peerReview: desk.peerReview });
    if (!decision.ok) throw forbidden(decision.reason);
    if (input.suggestedTag) await assertUsableTag(w.tx, input.suggestedTag);
    return applyVerdict(w, actor, annotation, input, 'review');
  });
  return { review, annotation: await viewerAnnotation(db, actor, await getAnnotation(db, annotationId, { includeDeleted: true })) };
}

async function assertUsableTag(tx: Tx, key: string) {
  const tag = await tx.sourceTag.findUnique({ where: { key }, select: { archivedAt: true } });
  if (!tag || tag.archivedAt) {
    throw new AppError('validation_failed', `suggestedTag: "${key}" is not a source tag in use.`, [{ path: 'suggestedTag', message: 'unknown or archived tag key' }]);
  }
}

/**
 * Supersedes the reviewer's current verdict, inserts the new one, re-derives the status and records
 * the audit + live events. The caller holds the annotation's row lock and has checked permissions.
 */
export async function applyVerdict(
  { tx, audit, live }: Write,
  actor: Actor,
  annotation: LockedAnnotation,
  input: ReviewInput,
  action: 'review' | 'conflict_resolved',
  extraEventData: Record<string, string> = {},
): Promise<ReviewDto> {
  // Strictly after any re-open, so a verdict given right after re-opening always counts.
  const now = new Date(Math.max(Date.now(), (annotation.reopenedAt?.getTime() ?? 0) + 1));
  await tx.review.updateMany({ where: { annotationId: annotation.id, reviewerId: actor.id, supersededAt: null }, data: { supersededAt: now } });
  const row = await tx.review.create({
    data: { annotationId: annotation.id, reviewerId: actor.id, verdict: input.verdict, comment: input.comment, suggestedTag: input.suggestedTag, createdAt: now },
    select: reviewDtoSelect,
  });
  const status = await recomputeStatus(tx, annotation);
  await audit({
    annotationId: annotation.id,
    action,
    before: { status: annotation.status },
    after: {
      status,
      verdict: input.verdict,
      reviewId: row.id,
      ...(input.comment ? { comment: input.comment } : {}),
      ...(input.suggestedTag ? { suggestedTag: input.suggestedTag } : {}),
      ...extraEventData,
    },
  });
  const review = toReviewDto(row, annotation.reopenedAt);
  live({ type: 'review.created', articleId: annotation.articleId, annotationId: annotation.id, review });
  annotation.status = status;
  return review;
}
