import 'server-only';
import { annotationDtoSelect, toAnnotationDto } from '@/lib/annotations/annotation-dto';
import { canReadAnnotation } from '@/lib/core/permissions';
import type { Actor } from '@/lib/core/actor';
import type { Db } from '@/lib/db/server/prisma';
import type { MatchedArticle } from '@/lib/matching/matching-dto';
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';

export type MatchRow = { annotation: AnnotationDto; article: MatchedArticle };

/** Candidate annotations with their articles, only those the actor may read (lib/core/permissions). */
export async function loadMatchRows(db: Db, actor: Actor, ids: string[]): Promise<Map<string, MatchRow>> {
  if (!ids.length) return new Map();
  const rows = await db.annotation.findMany({
    where: { id: { in: ids }, deletedAt: null },
    select: { ...annotationDtoSelect, authorId: true, article: { select: { id: true, title: true, outlet: true, publishedAt: true } } },
  });
  const out = new Map<string, MatchRow>();
  for (const row of rows) {
    if (!canReadAnnotation(actor, { authorId: row.authorId, articleId: row.articleId, deletedAt: row.deletedAt }).ok) continue;
    out.set(row.id, {
      annotation: toAnnotationDto(row),
      article: { id: row.article.id, title: row.article.title, outlet: row.article.outlet, publishedAt: row.article.publishedAt?.toISOString() ?? null },
    });
  }
  return out;
}
