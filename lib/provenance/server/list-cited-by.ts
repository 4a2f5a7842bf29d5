import 'server-only';
import { notFound } from '@/lib/api/app-error';
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import { loadAnnotationDtos } from '@/lib/annotations/server/annotation-conflicts';
import { viewerAnnotations } from '@/lib/annotations/server/viewer-annotations';
import type { Actor } from '@/lib/core/actor';
import { canReadAnnotation } from '@/lib/core/permissions';
import { scopesOf } from '@/lib/assignments/server/read-scope';
import type { Db } from '@/lib/db/server/prisma';
import { evidenceDtoSelect, toEvidenceDto, type EvidenceDto } from '@/lib/provenance/evidence-dto';
import { LIVE_EVIDENCE } from '@/lib/provenance/live-evidence';

export type CitingEvidenceDto = EvidenceDto & { annotation: AnnotationDto; article: { id: string; title: string; outlet: string | null } };

/** The claims citing a document (a source, or an article through its annotations), with their links; only claims the actor may read. */
export async function listCitedBy(db: Db, actor: Actor, documentId: string): Promise<CitingEvidenceDto[]> {
  const document = await db.article.findUnique({ where: { id: documentId }, select: { id: true } });
  if (!document) throw notFound('The document');
  const rows = await db.evidence.findMany({
    where: { documentId, ...LIVE_EVIDENCE, annotation: { deletedAt: null } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { ...evidenceDtoSelect, annotation: { select: { id: true, articleId: true, authorId: true, deletedAt: true, article: { select: { id: true, title: true, outlet: true } } } } },
  });
  const scopeOf = await scopesOf(db, actor, rows.flatMap((r) => [r.annotation.articleId, ...(r.targetAnnotation ? [r.targetAnnotation.articleId] : [])]));
  const readable = rows.filter(
    (r) =>
      canReadAnnotation(actor, r.annotation, scopeOf(r.annotation.articleId)).ok &&
      (!r.targetAnnotation || canReadAnnotation(actor, { ...r.targetAnnotation, deletedAt: null }, scopeOf(r.targetAnnotation.articleId)).ok),
  );
  const dtos = await loadAnnotationDtos(db, [...new Set(readable.map((r) => r.annotation.id))]);
  // Each claim as the actor may see it: its other links may cite blind work they may not read.
  const claims = new Map((await viewerAnnotations(db, actor, [...dtos.values()])).map((a) => [a.id, a]));
  return readable.flatMap((r) => {
    const annotation = claims.get(r.annotation.id);
    return annotation ? [{ ...toEvidenceDto(r), annotation, article: r.annotation.article }] : [];
  });
}
