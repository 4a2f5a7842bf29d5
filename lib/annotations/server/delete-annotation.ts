import 'server-only';
import { forbidden, notFound } from '@/lib/api/app-error';
import { recordEvent } from '@/lib/annotations/server/record-event';
import type { Actor } from '@/lib/core/actor';
import type { Db } from '@/lib/db/server/prisma';
import { emitAfterCommit } from '@/lib/live/server/local-bus';
import { publishLiveEvent } from '@/lib/live/server/publish';
import { canDeleteAnnotation } from '@/lib/core/permissions';

/** Soft delete by the author or an admin: the row, its replies and its history stay (restorable). */
export async function deleteAnnotation(db: Db, actor: Actor, id: string): Promise<void> {
  const event = await db.$transaction(async (tx) => {
    const row = await tx.annotation.findUnique({ where: { id }, select: { authorId: true, articleId: true, deletedAt: true } });
    if (!row || row.deletedAt) throw notFound('The annotation');
    const decision = canDeleteAnnotation(actor, row.authorId);
    if (!decision.ok) throw forbidden(decision.reason);
    const deletedAt = new Date();
    // The deletedAt condition makes two simultaneous deletes record one event.
    const { count } = await tx.annotation.updateMany({ where: { id, deletedAt: null }, data: { deletedAt } });
    if (count === 0) throw notFound('The annotation');
    await recordEvent(tx, { annotationId: id, actorId: actor.id, action: 'deleted', before: { deletedAt: null }, after: { deletedAt: deletedAt.toISOString() } });
    return publishLiveEvent(tx, { type: 'annotation.deleted', articleId: row.articleId, id, annotationId: id, actorId: actor.id });
  });
  emitAfterCommit([event]);
}
