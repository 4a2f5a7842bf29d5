import 'server-only';
import { AppError, forbidden } from '@/lib/api/app-error';
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import { recordEvent } from '@/lib/annotations/server/record-event';
import type { Actor } from '@/lib/core/actor';
import type { Db } from '@/lib/db/server/prisma';
import { emitAfterCommit } from '@/lib/live/server/local-bus';
import { publishLiveEvent } from '@/lib/live/server/publish';
import { canRegrade } from '@/lib/core/permissions';
import { getAnnotation } from '@/lib/annotations/server/get-annotation';
import { lockLiveAnnotation } from '@/lib/review/server/lock-annotation';
import type { GradeInput } from '@/lib/review/review-schemas';

/**
 * Changes the Admiralty grade (author, reviewer or admin). Optimistic concurrency: the caller sends
 * the revision it saw; a stale one is a 409 carrying the current annotation so the UI can merge.
 */
export async function regradeAnnotation(db: Db, actor: Actor, annotationId: string, input: GradeInput): Promise<AnnotationDto> {
  const event = await db.$transaction(async (tx) => {
    const annotation = await lockLiveAnnotation(tx, annotationId);
    const decision = canRegrade(actor, annotation.authorId);
    if (!decision.ok) throw forbidden(decision.reason);
    if (annotation.revision !== input.revision) {
      throw new AppError('conflict', `Someone changed this annotation since you opened it (revision ${annotation.revision}, yours ${input.revision}). Review the current values and try again.`, {
        annotation: await getAnnotation(tx, annotationId, { includeDeleted: true }),
      });
    }
    const current = await tx.annotation.findUniqueOrThrow({ where: { id: annotationId }, select: { reliability: true, credibility: true } });
    const before = { reliability: current.reliability, credibility: current.credibility };
    const after = {
      reliability: input.reliability === undefined ? current.reliability : input.reliability,
      credibility: input.credibility === undefined ? current.credibility : input.credibility,
    };
    await tx.annotation.update({ where: { id: annotationId }, data: { ...after, revision: { increment: 1 } } });
    await recordEvent(tx, { annotationId, actorId: actor.id, action: 'regraded', before, after });
    return publishLiveEvent(tx, { type: 'annotation.updated', articleId: annotation.articleId, id: annotationId, annotationId, actorId: actor.id });
  });
  emitAfterCommit([event]);
  return getAnnotation(db, annotationId, { includeDeleted: true });
}
