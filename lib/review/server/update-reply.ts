import 'server-only';
import { forbidden, notFound } from '@/lib/api/app-error';
import { recordEvent } from '@/lib/annotations/server/record-event';
import type { Actor } from '@/lib/core/actor';
import type { Db } from '@/lib/db/server/prisma';
import { emitAfterCommit } from '@/lib/live/server/local-bus';
import { publishLiveEvent } from '@/lib/live/server/publish';
import { canEditReply } from '@/lib/core/permissions';
import { replyDtoSelect, toReplyDto, type ReplyDto } from '@/lib/review/reply-dto';

/** Only the author edits a reply; deleted replies (or replies on deleted annotations) are gone (404). */
export async function updateReply(db: Db, actor: Actor, replyId: string, body: string): Promise<ReplyDto> {
  const { reply, event } = await db.$transaction(async (tx) => {
    const existing = await tx.reply.findFirst({
      where: { id: replyId, deletedAt: null, annotation: { deletedAt: null } },
      select: { id: true, authorId: true, body: true, annotationId: true, annotation: { select: { articleId: true } } },
    });
    if (!existing) throw notFound('The reply');
    const decision = canEditReply(actor, existing.authorId);
    if (!decision.ok) throw forbidden(decision.reason);
    const row = await tx.reply.update({ where: { id: replyId }, data: { body }, select: replyDtoSelect });
    await recordEvent(tx, { annotationId: existing.annotationId, actorId: actor.id, action: 'reply_updated', before: { replyId, body: existing.body }, after: { replyId, body } });
    const live = await publishLiveEvent(tx, { type: 'reply.updated', articleId: existing.annotation.articleId, id: replyId, annotationId: existing.annotationId, actorId: actor.id });
    return { reply: row, event: live };
  });
  emitAfterCommit([event]);
  return toReplyDto(reply);
}
