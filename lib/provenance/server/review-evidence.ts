import 'server-only';
import { forbidden, notFound } from '@/lib/api/app-error';
import type { Actor } from '@/lib/core/actor';
import { canReviewEvidence } from '@/lib/core/permissions';
import type { Db } from '@/lib/db/server/prisma';
import { runWrite } from '@/lib/db/server/run-write';
import { evidenceDtoSelect, toEvidenceDto, type EvidenceDto, type EvidenceReviewDto } from '@/lib/provenance/evidence-dto';
import type { EvidenceReviewInput } from '@/lib/provenance/evidence-schemas';
import { getDeskSettings } from '@/lib/review/server/get-desk-settings';
import { readableClaim } from '@/lib/provenance/server/readable-claim';

/**
 * A reviewer's verdict on an evidence link (does the passage say what the link claims?). Same model
 * as annotation reviews: one current verdict per reviewer, the previous one kept as superseded.
 */
export async function reviewEvidence(db: Db, actor: Actor, evidenceId: string, input: EvidenceReviewInput): Promise<{ review: EvidenceReviewDto; evidence: EvidenceDto }> {
  return runWrite(db, actor, async ({ tx, audit, live }) => {
    // Row lock: two verdicts by the same reviewer at once must not both stay current.
    const locked = await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM "Evidence" WHERE id = ${evidenceId} AND "deletedAt" IS NULL FOR UPDATE`;
    if (locked.length === 0) throw notFound('The evidence link');
    const existing = await tx.evidence.findUniqueOrThrow({ where: { id: evidenceId }, select: evidenceDtoSelect });
    const claim = await readableClaim(tx, actor, existing.annotationId).catch(() => {
      throw notFound('The evidence link');
    });
    const desk = await getDeskSettings(tx);
    const decision = canReviewEvidence({ actor, linkAuthorId: existing.author.id, peerReview: desk.peerReview });
    if (!decision.ok) throw forbidden(decision.reason);
    const before = toEvidenceDto(existing).reviewStatus;
    const now = new Date();
    await tx.evidenceReview.updateMany({ where: { evidenceId, reviewerId: actor.id, supersededAt: null }, data: { supersededAt: now } });
    const row = await tx.evidenceReview.create({
      data: { evidenceId, reviewerId: actor.id, verdict: input.verdict, comment: input.comment, createdAt: now },
      select: { id: true, evidenceId: true, verdict: true, comment: true, createdAt: true, reviewer: { select: { id: true, name: true } } },
    });
    const evidence = toEvidenceDto(await tx.evidence.findUniqueOrThrow({ where: { id: evidenceId }, select: evidenceDtoSelect }));
    await audit({
      annotationId: claim.id,
      action: 'evidence_reviewed',
      before: { evidenceId, reviewStatus: before },
      after: { evidenceId, reviewStatus: evidence.reviewStatus, verdict: input.verdict, reviewId: row.id, ...(input.comment ? { comment: input.comment } : {}) },
    });
    live({ type: 'evidence.updated', articleId: claim.articleId, annotationId: claim.id, evidence });
    return { review: { ...row, createdAt: row.createdAt.toISOString() }, evidence };
  });
}
