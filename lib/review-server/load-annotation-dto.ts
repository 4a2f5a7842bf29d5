import { notFound } from '@/lib/api/app-error';
import { annotationDtoSelect, toAnnotationDto, type AnnotationDto } from '@/lib/annotations/annotation-dto';
import { loadConflictResolutions } from '@/lib/annotations/load-conflict-resolutions';
import { openConflicts } from '@/lib/review/open-conflicts';
import type { DbOrTx } from '@/lib/review-server/db-or-tx';
import { loadLiveSpans } from '@/lib/review-server/live-spans';

/** Map of annotation id → ids it conflicts with, for an article's live annotations. */
export async function conflictIndex(db: DbOrTx, articleId: string): Promise<Map<string, string[]>> {
  const index = new Map<string, string[]>();
  const [spans, resolutions] = await Promise.all([loadLiveSpans(db, articleId), loadConflictResolutions(db, articleId)]);
  for (const c of openConflicts(spans, resolutions)) {
    index.set(c.a, [...(index.get(c.a) ?? []), c.b]);
    index.set(c.b, [...(index.get(c.b) ?? []), c.a]);
  }
  return index;
}

/** One annotation as the API's AnnotationDto (deleted ones too: callers decide whether that is a 404). */
export async function loadAnnotationDto(db: DbOrTx, annotationId: string): Promise<AnnotationDto> {
  const row = await db.annotation.findUnique({ where: { id: annotationId }, select: annotationDtoSelect });
  if (!row) throw notFound('The annotation');
  const conflicts = row.deletedAt ? [] : ((await conflictIndex(db, row.articleId)).get(row.id) ?? []);
  return toAnnotationDto(row, conflicts);
}
