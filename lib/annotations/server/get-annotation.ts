import 'server-only';
import { notFound } from '@/lib/api/app-error';
import { annotationDtoSelect, type AnnotationDto } from '@/lib/annotations/annotation-dto';
import { withConflicts } from '@/lib/annotations/server/annotation-conflicts';
import type { Db, Tx } from '@/lib/db/server/prisma';
import type { Actor } from '@/lib/core/actor';
import { canReadAnnotation } from '@/lib/core/permissions';
import { loadAnnotationScope } from '@/lib/assignments/server/read-scope';
import { scopedAnnotation } from '@/lib/annotations/scoped-annotation';
import { withViewerProvenance } from '@/lib/provenance/server/viewer-provenance';

/** One annotation as the API shows it, with its conflicts; 404 when unknown (or deleted, unless asked). */
export async function getAnnotation(db: Db | Tx, id: string, { includeDeleted = false } = {}): Promise<AnnotationDto> {
  const row = await db.annotation.findUnique({ where: { id }, select: annotationDtoSelect });
  if (!row || (row.deletedAt && !includeDeleted)) throw notFound('The annotation');
  return withConflicts(db, row);
}

/** GET /api/annotations/:id: the annotation as the actor may read it; 404 outside their scope (blind work of a colleague). */
export async function readAnnotation(db: Db, actor: Pick<Actor, 'id' | 'role'>, id: string): Promise<AnnotationDto> {
  const dto = await getAnnotation(db, id);
  const scope = await loadAnnotationScope(db, actor, dto.articleId);
  if (!canReadAnnotation(actor, { authorId: dto.author.id, curated: dto.curated, deletedAt: null }, scope).ok) throw notFound('The annotation');
  const [seen] = await withViewerProvenance(db, actor, [dto]);
  return scopedAnnotation(seen, scope);
}
