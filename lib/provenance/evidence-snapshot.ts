import type { EvidenceDto } from '@/lib/provenance/evidence-dto';

/** What the claim's audit log keeps of a link: enough to tell what it said, not the whole DTO. */
export function evidenceSnapshot(e: EvidenceDto) {
  return {
    evidenceId: e.id,
    documentId: e.document.id,
    relation: e.relation,
    note: e.note,
    targetAnnotationId: e.targetAnnotation?.id ?? null,
    passage: e.target ? { start: e.target.start, end: e.target.end, exact: e.target.exact, versionId: e.versionId } : null,
  };
}
