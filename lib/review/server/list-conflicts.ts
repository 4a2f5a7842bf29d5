import 'server-only';
import { notFound } from '@/lib/api/app-error';
import { annotationDtoSelect, toAnnotationDto, type AnnotationDto } from '@/lib/annotations/annotation-dto';
import type { Db } from '@/lib/db/server/prisma';
import type { Actor } from '@/lib/core/actor';
import { loadAnnotationScope } from '@/lib/assignments/server/read-scope';
import { viewerAnnotations } from '@/lib/annotations/server/viewer-annotations';
import { loadConflictResolutions } from '@/lib/annotations/server/load-conflict-resolutions';
import { openConflicts } from '@/lib/review/open-conflicts';
import { loadLiveSpans } from '@/lib/review/server/live-spans';

export type ConflictDto = { a: AnnotationDto; b: AnnotationDto; overlap: number };

/**
 * Open conflicts: live annotations by different authors on the same claim (≥ 50% overlap) with
 * different tags, not yet resolved. None for a narrowed scope on a blind article: a conflict names the
 * colleague's annotation (lib/annotations/scoped-annotation.ts); blind disagreements go to curation.
 */
export async function listConflicts(db: Db, actor: Pick<Actor, 'id' | 'role'>, articleId: string): Promise<ConflictDto[]> {
  const article = await db.article.findUnique({ where: { id: articleId }, select: { id: true } });
  if (!article) throw notFound('The article');
  if (!(await loadAnnotationScope(db, actor, articleId)).all) return [];
  const [spans, resolutions] = await Promise.all([loadLiveSpans(db, articleId), loadConflictResolutions(db, articleId)]);
  const pairs = openConflicts(spans, resolutions);
  if (pairs.length === 0) return [];
  const ids = [...new Set(pairs.flatMap((p) => [p.a, p.b]))];
  const rows = await db.annotation.findMany({ where: { id: { in: ids } }, select: annotationDtoSelect });
  const withIndex = new Map<string, string[]>();
  for (const p of pairs) {
    withIndex.set(p.a, [...(withIndex.get(p.a) ?? []), p.b]);
    withIndex.set(p.b, [...(withIndex.get(p.b) ?? []), p.a]);
  }
  // Conflicts are listed on an article the actor reads in full, but a claim's links may cite blind work elsewhere.
  const seen = await viewerAnnotations(db, actor, rows.map((r) => toAnnotationDto(r, withIndex.get(r.id) ?? [])));
  const dto = new Map(seen.map((a) => [a.id, a]));
  return pairs.flatMap((p) => {
    const a = dto.get(p.a);
    const b = dto.get(p.b);
    return a && b ? [{ a, b, overlap: p.overlap }] : [];
  });
}
