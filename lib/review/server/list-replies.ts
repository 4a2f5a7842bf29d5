import 'server-only';
import { notFound } from '@/lib/api/app-error';
import type { Db } from '@/lib/db/server/prisma';
import type { Actor } from '@/lib/core/actor';
import { mayReadRow } from '@/lib/assignments/server/read-scope';
import { replyDtoSelect, toReplyDto, type ReplyDto } from '@/lib/review/reply-dto';

/** The thread on an annotation, oldest first; clients nest it by parentId. Whoever may read the annotation may read it. */
export async function listReplies(db: Db, actor: Pick<Actor, 'id' | 'role'>, annotationId: string): Promise<ReplyDto[]> {
  const annotation = await db.annotation.findFirst({ where: { id: annotationId, deletedAt: null }, select: { id: true, articleId: true, authorId: true, curated: true, deletedAt: true } });
  if (!annotation || !(await mayReadRow(db, actor, annotation))) throw notFound('The annotation');
  const rows = await db.reply.findMany({ where: { annotationId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: replyDtoSelect });
  return rows.map(toReplyDto);
}
