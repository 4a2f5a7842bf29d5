import 'server-only';
import { notFound } from '@/lib/api/app-error';
import type { Db } from '@/lib/db/server/prisma';
import { replyDtoSelect, toReplyDto, type ReplyDto } from '@/lib/review/reply-dto';

/** The thread on an annotation, oldest first; clients nest it by parentId. Any signed-in user may read it. */
export async function listReplies(db: Db, annotationId: string): Promise<ReplyDto[]> {
  const annotation = await db.annotation.findFirst({ where: { id: annotationId, deletedAt: null }, select: { id: true } });
  if (!annotation) throw notFound('The annotation');
  const rows = await db.reply.findMany({ where: { annotationId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: replyDtoSelect });
  return rows.map(toReplyDto);
}
