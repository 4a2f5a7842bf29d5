import 'server-only';
import { assertMayChangeBlindWork, assertMayReadAnnotation } from '@/lib/assignments/server/assert-blind-access';
import { forbidden, notFound } from '@/lib/api/app-error';
import type { Actor } from '@/lib/core/actor';
import { canDeleteAnnotation } from '@/lib/core/permissions';
import type { Db } from '@/lib/db/server/prisma';
import { runWrite } from '@/lib/db/server/run-write';

/** Soft delete by the author or an admin: the row, its replies and its history stay (restorable). */
export async function deleteAnnotation(db: Db, actor: Actor, id: string): Promise<void> {
  await runWrite(db, actor, async ({ tx, audit, live }) => {
    const row = await tx.annotation.findUnique({ where: { id }, select: { authorId: true, articleId: true, curated: true, deletedAt: true } });
    if (!row || row.deletedAt) throw notFound('The annotation');
    await assertMayReadAnnotation(tx, actor, row);
    if (row.authorId === actor.id) await assertMayChangeBlindWork(tx, actor, row.articleId);
    const decision = canDeleteAnnotation(actor, row.authorId);
    if (!decision.ok) throw forbidden(decision.reason);
    const deletedAt = new Date();
    // The deletedAt condition makes two simultaneous deletes record one event.
    const { count } = await tx.annotation.updateMany({ where: { id, deletedAt: null }, data: { deletedAt } });
    if (count === 0) throw notFound('The annotation');
    await audit({ annotationId: id, action: 'deleted', before: { deletedAt: null }, after: { deletedAt: deletedAt.toISOString() } });
    live({ type: 'annotation.deleted', articleId: row.articleId, annotationId: id });
  });
}
