import 'server-only';
import { notFound } from '@/lib/api/app-error';
import type { Actor } from '@/lib/core/actor';
import type { Db } from '@/lib/db/server/prisma';
import { mayReadRow } from '@/lib/assignments/server/read-scope';
import { canReview, type Decision } from '@/lib/core/permissions';
import { getDeskSettings } from '@/lib/review/server/get-desk-settings';
import { reviewDtoSelect, toReviewDto, type ReviewDto } from '@/lib/review/review-dto';

/** Every verdict on an annotation (superseded ones too, oldest first) and whether the caller may give one. */
export async function listReviews(db: Db, actor: Actor, annotationId: string): Promise<{ reviews: ReviewDto[]; canReview: Decision }> {
  const annotation = await db.annotation.findFirst({ where: { id: annotationId, deletedAt: null }, select: { articleId: true, authorId: true, curated: true, deletedAt: true, reopenedAt: true } });
  if (!annotation || !(await mayReadRow(db, actor, annotation))) throw notFound('The annotation');
  const [rows, desk] = await Promise.all([
    db.review.findMany({ where: { annotationId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: reviewDtoSelect }),
    getDeskSettings(db),
  ]);
  return {
    reviews: rows.map((r) => toReviewDto(r, annotation.reopenedAt)),
    canReview: canReview({ actor, annotationAuthorId: annotation.authorId, peerReview: desk.peerReview }),
  };
}
