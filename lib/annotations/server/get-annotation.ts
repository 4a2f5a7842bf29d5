import 'server-only';
import { notFound } from '@/lib/api/app-error';
import { annotationDtoSelect, type AnnotationDto } from '@/lib/annotations/annotation-dto';
import { withConflicts } from '@/lib/annotations/server/annotation-conflicts';
import type { Db, Tx } from '@/lib/db/server/prisma';

/** One annotation as the API shows it, with its conflicts; 404 when unknown (or deleted, unless asked). */
export async function getAnnotation(db: Db | Tx, id: string, { includeDeleted = false } = {}): Promise<AnnotationDto> {
  const row = await db.annotation.findUnique({ where: { id }, select: annotationDtoSelect });
  if (!row || (row.deletedAt && !includeDeleted)) throw notFound('The annotation');
  return withConflicts(db, row);
}
