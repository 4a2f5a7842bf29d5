import 'server-only';
import { AppError } from '@/lib/api/app-error';
import type { AnnotationRow } from '@/lib/annotations/annotation-dto';
import type { Actor } from '@/lib/core/actor';
import { mayReadRow } from '@/lib/assignments/server/read-scope';
import type { Tx } from '@/lib/db/server/prisma';

/**
 * The earlier annotation a new one links to (`matchOf`): it must exist, be readable and live in
 * another article — the link says "previously checked in …", which an annotation of the same
 * article cannot be. Anything else is a 400 that names the problem. Returns the earlier one as the
 * new annotation's row carries it (annotationDtoSelect's `matchOf`).
 */
export async function resolveMatchOf(tx: Tx, actor: Actor, articleId: string, matchOf: string): Promise<NonNullable<AnnotationRow['matchOf']>> {
  const earlier = await tx.annotation.findUnique({
    where: { id: matchOf },
    select: {
      id: true,
      articleId: true,
      authorId: true,
      curated: true,
      deletedAt: true,
      status: true,
      tag: { select: { key: true } },
      article: { select: { id: true, title: true, outlet: true, publishedAt: true, blind: true } },
    },
  });
  if (!earlier || !(await mayReadRow(tx, actor, earlier))) {
    throw new AppError('validation_failed', 'matchOf names no annotation you can read: send the id of the earlier annotation this claim restates.');
  }
  if (earlier.articleId === articleId) {
    throw new AppError('validation_failed', 'matchOf must name an annotation in another article: it records that this claim was checked before elsewhere.');
  }
  return { id: earlier.id, status: earlier.status, deletedAt: earlier.deletedAt, tag: earlier.tag, article: earlier.article };
}
