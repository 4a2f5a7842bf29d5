import 'server-only';
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import { mayReadAllBlindWork, type Subject } from '@/lib/core/permissions';
import type { Db, Tx } from '@/lib/db/server/prisma';
import { deriveProvenance } from '@/lib/provenance/derive-provenance';
import type { EvidenceRelation } from '@/lib/provenance/relations';
import { LIVE_EVIDENCE } from '@/lib/provenance/live-evidence';
import { readableLinks } from '@/lib/provenance/server/readable-links';

/**
 * Claims' provenance and evidence count as one viewer may know them. The annotation JSON is built once
 * for every viewer (lists, single reads, the live stream) over all of a claim's live links; a link
 * citing an annotation the viewer may not read (a colleague's blind work on another article) must not
 * count there, or the chip would say "verified" while the viewer's evidence list and brief show no
 * link. So each edge that hands annotations to a viewer passes them through here (the article's list
 * and the live stream directly, every other answer through lib/annotations/server/viewer-annotations.ts):
 * reviewers and admins read everything (no query); anyone else costs one query for the links of the
 * claims that have any, and only claims that lose a link are rewritten.
 */
export async function withViewerProvenance(db: Db | Tx, actor: Subject, annotations: AnnotationDto[]): Promise<AnnotationDto[]> {
  if (mayReadAllBlindWork(actor)) return annotations;
  const linked = annotations.filter((a) => a.evidenceCount > 0).map((a) => a.id);
  if (linked.length === 0) return annotations;
  const rows = await db.evidence.findMany({
    where: { annotationId: { in: linked }, ...LIVE_EVIDENCE },
    select: { annotationId: true, relation: true, targetAnnotation: { select: { articleId: true, authorId: true, curated: true } } },
  });
  if (!rows.some((r) => r.targetAnnotation)) return annotations;
  const readable = await readableLinks(db, actor, rows);
  if (readable.length === rows.length) return annotations;
  const total = countBy(rows);
  const kept = new Map<string, EvidenceRelation[]>();
  for (const r of readable) kept.set(r.annotationId, [...(kept.get(r.annotationId) ?? []), r.relation]);
  return annotations.map((a) => {
    const relations = kept.get(a.id) ?? [];
    if (relations.length === (total.get(a.id) ?? 0)) return a;
    return { ...a, provenance: deriveProvenance(relations), evidenceCount: relations.length };
  });
}

function countBy(rows: ReadonlyArray<{ annotationId: string }>): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) out.set(r.annotationId, (out.get(r.annotationId) ?? 0) + 1);
  return out;
}
