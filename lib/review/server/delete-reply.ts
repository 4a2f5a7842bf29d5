import 'server-only';
import { forbidden, notFound } from '@/lib/api/app-error';
import type { Actor } from '@/lib/core/actor';
import type { Db } from '@/lib/db/server/prisma';
import { runWrite } from '@/lib/db/server/run-write';
import { canDeleteReply } from '@/lib/core/permissions';
import { replyDtoSelect, toReplyDto } from '@/lib/review/reply-dto';

/**
 * Soft delete (author or admin): the row stays so replies to it keep their place in the thread,
 * the API stops returning its text (the audit event does not copy it either: history is readable by all).
 */
export async function deleteReply(db: Db, actor: Actor, replyId: string): Promise<void> {
  await runWrite(db, actor, async ({ tx, audit, live }) => {
    const existing = await tx.reply.findFirst({
      where: { id: replyId, deletedAt: null, annotation: { deletedAt: null } },
      select: { authorId: true, annotationId: true, annotation: { select: { articleId: true } } },
    });
    if (!existing) throw notFound('The reply');
    const decision = canDeleteReply(actor, existing.authorId);
    if (!decision.ok) throw forbidden(decision.reason);
    const row = await tx.reply.update({ where: { id: replyId }, data: { deletedAt: new Date() }, select: replyDtoSelect });
    await audit({ annotationId: existing.annotationId, action: 'reply_deleted', before: { replyId }, after: { replyId, deleted: true } });
    // The DTO of a deleted reply has no text: the thread keeps its place, nobody receives its words.
    live({ type: 'reply.deleted', articleId: existing.annotation.articleId, annotationId: existing.annotationId, reply: toReplyDto(row) });
  });
}
