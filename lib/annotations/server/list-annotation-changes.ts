import 'server-only';
import { notFound } from '@/lib/api/app-error';
import { annotationDtoSelect, toAnnotationDto, type AnnotationDto } from '@/lib/annotations/annotation-dto';
import { loadConflictsOf } from '@/lib/annotations/server/annotation-conflicts';
import type { Actor } from '@/lib/core/actor';
import { canReadAnnotation } from '@/lib/core/permissions';
import { loadAnnotationScope } from '@/lib/assignments/server/read-scope';
import { scopedAnnotation } from '@/lib/annotations/scoped-annotation';
import { withViewerProvenance } from '@/lib/provenance/server/viewer-provenance';
import type { Db } from '@/lib/db/server/prisma';
import { readArticleSeq } from '@/lib/live/server/read-article-seq';

export type AnnotationChanges = { annotations: AnnotationDto[]; deleted: string[]; seq: number };

/**
 * What changed on an article's annotations after live sequence number `since`: the ones the actor
 * may read, in their current shape, and the ids of those that left what the actor may read (deleted,
 * or hidden by blind annotation: an access change marks every annotation of the article as changed) — the same read rule as the list and the live stream. A
 * client that applied changes up to `seq` is as up to date as a full list read at `seq` (conflicts
 * are symmetric: each changed annotation's own list settles its pairs).
 */
export async function listAnnotationChanges(db: Db, actor: Actor, articleId: string, since: number): Promise<AnnotationChanges> {
  const seq = await readArticleSeq(db, articleId);
  if (seq === null) throw notFound('The article');
  if (since >= seq) return { annotations: [], deleted: [], seq };
  const scope = await loadAnnotationScope(db, actor, articleId);
  const rows = await db.annotation.findMany({
    where: { articleId, liveSeq: { gt: since } },
    select: { ...annotationDtoSelect, authorId: true },
    orderBy: [{ start: 'asc' }, { end: 'asc' }, { id: 'asc' }],
  });
  const readable = rows.filter((r) => canReadAnnotation(actor, r, scope).ok);
  const conflicts = await loadConflictsOf(db, articleId, readable);
  return {
    annotations: (await withViewerProvenance(db, actor, readable.map((row) => toAnnotationDto(row, conflicts.get(row.id) ?? [])))).map((a) => scopedAnnotation(a, scope)),
    deleted: rows.filter((r) => !canReadAnnotation(actor, r, scope).ok).map((r) => r.id),
    seq,
  };
}
