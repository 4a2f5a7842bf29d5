import 'server-only';
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import { scopedAnnotation } from '@/lib/annotations/scoped-annotation';
import { scopesOf } from '@/lib/assignments/server/read-scope';
import { mayReadAllBlindWork, type Subject } from '@/lib/core/permissions';
import type { Db, Tx } from '@/lib/db/server/prisma';
import { withViewerProvenance } from '@/lib/provenance/server/viewer-provenance';

/**
 * Annotations as one viewer may see them, for every answer that hands annotation JSON to a person
 * outside the article list (write answers, a 409's current copy, the review queue, conflicts, claim
 * matches, cited-by). The JSON is built once for everyone; a viewer with a narrowed blind scope must
 * not learn from it what they may not read: provenance and evidence count count only the links they
 * may read (withViewerProvenance), and conflicts name no annotation outside their scope of its
 * article (scopedAnnotation). Reviewers and admins read everything: no query. Anyone else: a query
 * only for claims that have links or conflicts.
 */
export async function viewerAnnotations(db: Db | Tx, actor: Subject, annotations: AnnotationDto[]): Promise<AnnotationDto[]> {
  if (mayReadAllBlindWork(actor)) return annotations;
  const seen = await withViewerProvenance(db, actor, annotations);
  const scopeOf = await scopesOf(db, actor, seen.flatMap((a) => (a.conflictsWith.length > 0 ? [a.articleId] : [])));
  return seen.map((a) => scopedAnnotation(a, scopeOf(a.articleId)));
}

/** One annotation as the viewer may see it (viewerAnnotations). */
export async function viewerAnnotation(db: Db | Tx, actor: Subject, annotation: AnnotationDto): Promise<AnnotationDto> {
  const [seen] = await viewerAnnotations(db, actor, [annotation]);
  return seen!;
}
