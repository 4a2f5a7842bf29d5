import 'server-only';
import { AppError, forbidden } from '@/lib/api/app-error';
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import { canReopen } from '@/lib/core/permissions';
import type { Actor } from '@/lib/core/actor';
import type { Db } from '@/lib/db/server/prisma';
import { runWrite } from '@/lib/db/server/run-write';
import { getAnnotation } from '@/lib/annotations/server/get-annotation';
import { viewerAnnotation } from '@/lib/annotations/server/viewer-annotations';
import { isReopenable } from '@/lib/review/derive-status';
import { lockLiveAnnotation } from '@/lib/review/server/lock-annotation';
import { assertMayReadAnnotation } from '@/lib/assignments/server/assert-blind-access';
import { recomputeStatus } from '@/lib/review/server/recompute-status';

/**
 * The author answers a dispute / needs-source (reply, re-tag) and then re-opens: verdicts given
 * before now stop counting, so the status falls back to UNREVIEWED until colleagues look again.
 */
export async function reopenAnnotation(db: Db, actor: Actor, annotationId: string): Promise<AnnotationDto> {
  await runWrite(db, actor, async ({ tx, audit, live }) => {
    const annotation = await lockLiveAnnotation(tx, annotationId);
    // A colleague's hidden blind annotation answers like a missing one, so its existence does not leak.
    await assertMayReadAnnotation(tx, actor, annotation);
    const decision = canReopen(actor, annotation.authorId);
    if (!decision.ok) throw forbidden(decision.reason);
    if (!isReopenable(annotation.status)) {
      throw new AppError('conflict', `Only a disputed or needs-source annotation can be re-opened; this one is ${annotation.status.toLowerCase().replace('_', ' ')}.`);
    }
    const before = { status: annotation.status, reopenedAt: annotation.reopenedAt?.toISOString() ?? null };
    const reopenedAt = new Date();
    await tx.annotation.update({ where: { id: annotationId }, data: { reopenedAt } });
    const status = await recomputeStatus(tx, { ...annotation, reopenedAt });
    await audit({ annotationId, action: 'reopened', before, after: { status, reopenedAt: reopenedAt.toISOString() } });
    live({ type: 'annotation.updated', articleId: annotation.articleId, annotationId });
  });
  return viewerAnnotation(db, actor, await getAnnotation(db, annotationId, { includeDeleted: true }));
}
