import 'server-only';
import { forbidden, notFound } from '@/lib/api/app-error';
import type { Actor } from '@/lib/core/actor';
import type { Db } from '@/lib/db/server/prisma';
import { runWrite } from '@/lib/db/server/run-write';
import { canEditReply } from '@/lib/core/permissions';
import { replyDtoSelect, toReplyDto, type ReplyDto } from '@/lib/review/reply-dto';

/** Only the author edits a reply; deleted replies (or replies on deleted annotations) are gone (404). */
export async function updateReply(db: Db, actor: Actor, replyId: string, body: string): Promise<ReplyDto> {
  const reply = await runWrite(db, actor, async ({ tx, audit, live }) => {
    const existing = await tx.reply.findFirst({
      where: { id: replyId, deletedAt: null, annotation: { deletedAt: null } },
      select: { id: true, authorId: true, body: true, annotationId: true, annotation: { select: { articleId: true } } },
    });
    if (!existing) throw notFound('The reply');
    const decision = canEditReply(actor, existing.authorId);
    if (!decision.ok) throw forbidden(decision.reason);
    const row = await tx.reply.update({ where: { id: replyId }, data: { body }, select: replyDtoSelect });
    await audit({ annotationId: existing.annotationId, action: 'reply_updated', before: { replyId, body: existing.body }, after: { replyId, body } });
    live({ type: 'reply.updated', articleId: existing.annotation.articleId, annotationId: existing.annotationId, reply: toReplyDto(row) });
    return row;
  });
  return toReplyDto(reply);
}
