import 'server-only';
import { assertMayReadAnnotation } from '@/lib/assignments/server/assert-blind-access';
import { AppError, notFound } from '@/lib/api/app-error';
import type { Actor } from '@/lib/core/actor';
import type { Db } from '@/lib/db/server/prisma';
import { runWrite } from '@/lib/db/server/run-write';
import { replyDtoSelect, toReplyDto, type ReplyDto } from '@/lib/review/reply-dto';
import type { CreateReplyInput } from '@/lib/review/review-schemas';

/** Any signed-in user may reply on a live annotation; parentId must be a reply on the same annotation. */
export async function createReply(db: Db, actor: Actor, annotationId: string, input: CreateReplyInput): Promise<ReplyDto> {
  const reply = await runWrite(db, actor, async ({ tx, audit, live }) => {
    const annotation = await tx.annotation.findFirst({ where: { id: annotationId, deletedAt: null }, select: { id: true, articleId: true, authorId: true, curated: true } });
    if (!annotation) throw notFound('The annotation');
    await assertMayReadAnnotation(tx, actor, annotation);
    if (input.parentId) {
      const parent = await tx.reply.findFirst({ where: { id: input.parentId, annotationId }, select: { id: true } });
      if (!parent) throw new AppError('validation_failed', 'parentId: that reply is not in this annotation’s thread.', [{ path: 'parentId', message: 'not a reply on this annotation' }]);
    }
    const row = await tx.reply.create({ data: { annotationId, authorId: actor.id, parentId: input.parentId ?? null, body: input.body }, select: replyDtoSelect });
    await audit({ annotationId, action: 'reply_created', after: { replyId: row.id, parentId: row.parentId, body: row.body } });
    live({ type: 'reply.created', articleId: annotation.articleId, annotationId, reply: toReplyDto(row) });
    return row;
  });
  return toReplyDto(reply);
}
