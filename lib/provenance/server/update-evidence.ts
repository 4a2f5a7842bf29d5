import 'server-only';
import { forbidden, notFound } from '@/lib/api/app-error';
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import { getAnnotation } from '@/lib/annotations/server/get-annotation';
import type { Actor } from '@/lib/core/actor';
import { canEditEvidence } from '@/lib/core/permissions';
import type { Db } from '@/lib/db/server/prisma';
import { runWrite } from '@/lib/db/server/run-write';
import { AppError } from '@/lib/api/app-error';
import { evidenceDtoSelect, toEvidenceDto, type EvidenceDto } from '@/lib/provenance/evidence-dto';
import type { UpdateEvidenceInput } from '@/lib/provenance/evidence-schemas';
import { evidenceSnapshot } from '@/lib/provenance/evidence-snapshot';
import { relationNeedsPassage } from '@/lib/provenance/relations';
import { staleEvidence } from '@/lib/provenance/stale-evidence';
import { NO_PASSAGE, resolvePassage, type StoredPassage } from '@/lib/provenance/server/evidence-target';
import { readableClaim } from '@/lib/provenance/server/readable-claim';
import { viewerAnnotation } from '@/lib/annotations/server/viewer-annotations';

/**
 * Changes a link's relation, note or passage: its author only, at the revision they saw (409 with the
 * current link otherwise). Becoming not_found drops the passage; leaving not_found needs one.
 */
export async function updateEvidence(db: Db, actor: Actor, evidenceId: string, input: UpdateEvidenceInput): Promise<{ evidence: EvidenceDto; annotation: AnnotationDto }> {
  const written = await runWrite(db, actor, async ({ tx, audit, live }) => {
    const existing = await tx.evidence.findFirst({ where: { id: evidenceId, deletedAt: null }, select: evidenceDtoSelect });
    if (!existing) throw notFound('The evidence link');
    const claim = await readableClaim(tx, actor, existing.annotationId).catch(() => {
      throw notFound('The evidence link');
    });
    const decision = canEditEvidence(actor, existing.author.id);
    if (!decision.ok) throw forbidden(decision.reason);
    const before = toEvidenceDto(existing);
    if (existing.revision !== input.revision) throw staleEvidence(before);

    const relation = input.relation ?? existing.relation;
    const passageGiven = input.start !== undefined && input.end !== undefined && input.exact !== undefined;
    let passage: StoredPassage | null = null; // null: unchanged
    if (!relationNeedsPassage(relation)) {
      if (existing.targetAnnotationId) throw new AppError('validation_failed', 'A link to another annotation cannot be not_found: delete it and link the source instead.', [{ path: 'relation', message: 'not with targetAnnotationId' }]);
      passage = NO_PASSAGE;
    } else if (passageGiven) {
      if (existing.targetAnnotationId) throw new AppError('validation_failed', 'A link to another annotation takes that annotation’s passage: it cannot be given one.', [{ path: 'exact', message: 'not with targetAnnotationId' }]);
      passage = await resolvePassage(tx, existing.document.id, { versionId: input.versionId, start: input.start!, end: input.end!, exact: input.exact! });
    } else if (existing.exact === null && !existing.targetAnnotationId) {
      throw new AppError('validation_failed', `relation ${relation} needs the passage: send start, end and exact of the source text.`, [{ path: 'exact', message: 'required' }]);
    }

    const { count } = await tx.evidence.updateMany({
      where: { id: evidenceId, revision: input.revision, deletedAt: null },
      data: { relation, ...(input.note !== undefined ? { note: input.note } : {}), ...(passage ?? {}), revision: { increment: 1 } },
    });
    if (count === 0) {
      const current = await tx.evidence.findFirst({ where: { id: evidenceId, deletedAt: null }, select: evidenceDtoSelect });
      if (!current) throw notFound('The evidence link');
      throw staleEvidence(toEvidenceDto(current));
    }
    const evidence = toEvidenceDto(await tx.evidence.findUniqueOrThrow({ where: { id: evidenceId }, select: evidenceDtoSelect }));
    await audit({ annotationId: claim.id, action: 'evidence_updated', before: evidenceSnapshot(before), after: evidenceSnapshot(evidence) });
    live({ type: 'evidence.updated', articleId: claim.articleId, annotationId: claim.id, evidence });
    return { evidence, annotation: await getAnnotation(tx, claim.id) };
  });
  // The answer is the author's copy of the claim: its provenance counts only the links they may read.
  return { ...written, annotation: await viewerAnnotation(db, actor, written.annotation) };
}
