import 'server-only';
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import { getAnnotation } from '@/lib/annotations/server/get-annotation';
import { viewerAnnotation } from '@/lib/annotations/server/viewer-annotations';
import type { Actor } from '@/lib/core/actor';
import type { Db } from '@/lib/db/server/prisma';
import { runWrite } from '@/lib/db/server/run-write';
import { evidenceDtoSelect, toEvidenceDto, type EvidenceDto } from '@/lib/provenance/evidence-dto';
import type { CreateEvidenceInput } from '@/lib/provenance/evidence-schemas';
import { evidenceSnapshot } from '@/lib/provenance/evidence-snapshot';
import { NO_PASSAGE, resolveDocument, resolvePassage, resolveTargetAnnotation } from '@/lib/provenance/server/evidence-target';
import { readableClaim } from '@/lib/provenance/server/readable-claim';

/**
 * Links a claim to its evidence: a passage of a source document (checked against the source's
 * current text, context computed here), another annotation, or — for not_found — the source alone.
 * Anyone who may read the claim may link; the claim's audit log and live stream record it.
 */
export async function createEvidence(db: Db, actor: Actor, annotationId: string, input: CreateEvidenceInput): Promise<{ evidence: EvidenceDto; annotation: AnnotationDto }> {
  const written = await runWrite(db, actor, async ({ tx, audit, live }) => {
    const claim = await readableClaim(tx, actor, annotationId, { toLink: true });
    await resolveDocument(tx, claim, input.documentId, input.targetAnnotationId !== undefined);
    const targetAnnotationId = input.targetAnnotationId ? await resolveTargetAnnotation(tx, actor, claim, input.documentId, input.targetAnnotationId) : null;
    const passage =
      input.start !== undefined && input.end !== undefined && input.exact !== undefined
        ? await resolvePassage(tx, input.documentId, { versionId: input.versionId, start: input.start, end: input.end, exact: input.exact })
        : NO_PASSAGE;
    const row = await tx.evidence.create({
      data: { annotationId, documentId: input.documentId, targetAnnotationId, ...passage, relation: input.relation, note: input.note ?? null, authorId: actor.id },
      select: evidenceDtoSelect,
    });
    const evidence = toEvidenceDto(row);
    await audit({ annotationId, action: 'evidence_created', after: evidenceSnapshot(evidence) });
    live({ type: 'evidence.created', articleId: claim.articleId, annotationId, evidence });
    return { evidence, annotation: await getAnnotation(tx, annotationId) };
  });
  // The answer is the linker's copy of the claim: its provenance counts only the links they may read.
  return { ...written, annotation: await viewerAnnotation(db, actor, written.annotation) };
}
