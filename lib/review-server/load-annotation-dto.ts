import { notFound } from '@/lib/api/app-error';
import { annotationDtoSelect, type AnnotationDto } from '@/lib/annotations/annotation-dto';
import { withConflicts } from '@/lib/annotations/annotation-conflicts';
import type { DbOrTx } from '@/lib/review-server/db-or-tx';

/** One annotation as the API's AnnotationDto (deleted ones too: callers decide whether that is a 404). */
export async function loadAnnotationDto(db: DbOrTx, annotationId: string): Promise<AnnotationDto> {
  const row = await db.annotation.findUnique({ where: { id: annotationId }, select: annotationDtoSelect });
  if (!row) throw notFound('The annotation');
  return withConflicts(db, row);
}
