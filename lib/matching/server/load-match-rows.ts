import 'server-only';
import { annotationDtoSelect, toAnnotationDto, type AnnotationDto } from '@/lib/annotations/annotation-dto';
import type { Actor } from '@/lib/core/actor';
import { canReadAnnotation } from '@/lib/core/permissions';
import { scopesOf } from '@/lib/assignments/server/read-scope';
import { viewerAnnotations } from '@/lib/annotations/server/viewer-annotations';
import type { Db } from '@/lib/db/server/prisma';
import type { MatchedArticle } from '@/lib/matching/matching-dto';
import type { Candidate } from '@/lib/matching/server/find-match-candidates';

export type MatchRow = { annotation: AnnotationDto; article: MatchedArticle };

/**
 * Candidate annotations with their articles: only those the actor may read (lib/core/permissions),
 * and only where the stored keys still describe the annotation's text (stale keys are skipped
 * until the backfill recomputes them). Each as the actor may see it (its provenance is shown beside
 * the match).
 */
export async function loadMatchRows(db: Db, actor: Actor, candidates: ReadonlyArray<Pick<Candidate, 'id' | 'exact'>>, { except }: { except?: string } = {}): Promise<Map<string, MatchRow>> {
  const keyedText = new Map(candidates.filter((c) => c.id !== except).map((c) => [c.id, c.exact]));
  if (!keyedText.size) return new Map();
  const rows = await db.annotation.findMany({
    where: { id: { in: [...keyedText.keys()] }, deletedAt: null },
    select: { ...annotationDtoSelect, authorId: true, article: { select: { id: true, title: true, outlet: true, publishedAt: true } } },
  });
  // A colleague's blind work is not "seen before" for an analyst who may not read it yet.
  const scopeOf = await scopesOf(db, actor, rows.map((r) => r.articleId));
  const kept = rows.filter((row) => keyedText.get(row.id) === row.exact && canReadAnnotation(actor, row, scopeOf(row.articleId)).ok);
  const seen = await viewerAnnotations(db, actor, kept.map((row) => toAnnotationDto(row)));
  return new Map(
    kept.map((row, i) => [
      row.id,
      { annotation: seen[i]!, article: { id: row.article.id, title: row.article.title, outlet: row.article.outlet, publishedAt: row.article.publishedAt?.toISOString() ?? null } },
    ]),
  );
}
