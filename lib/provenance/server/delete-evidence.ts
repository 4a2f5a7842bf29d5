import 'server-only';
import { forbidden, notFound } from '@/lib/api/app-error';
import type { Actor } from '@/lib/core/actor';
import { canDeleteEvidence } from '@/lib/core/permissions';
import type { Db } from '@/lib/db/server/prisma';
import { runWrite } from '@/lib/db/server/run-write';
import { evidenceDtoSelect, toEvidenceDto } from '@/lib/provenance/evidence-dto';
import { evidenceSnapshot } from '@/lib/provenance/evidence-snapshot';
import { readableClaim } from '@/lib/provenance/server/readable-claim';

/** Soft delete by the link's author: the row stays for the claim's history, the claim's provenance is re-derived without it. */
export async function deleteEvidence(db: Db, actor: Actor, evidenceId: string): Promise<void> {
  await runWrite(db, actor, async ({ tx, audit, live }) => {
    const existing = await tx.evidence.findFirst({ where: { id: evidenceId, deletedAt: null }, select: evidenceDtoSelect });
    if (!existing) throw notFound('The evidence link');
    const claim = await readableClaim(tx, actor, existing.annotationId).catch(() => {
      throw notFound('The evidence link');
    });
    const decision = canDeleteEvidence(actor, existing.author.id);
    if (!decision.ok) throw forbidden(decision.reason);
    const row = await tx.evidence.update({ where: { id: evidenceId }, data: { deletedAt: new Date(), revision: { increment: 1 } }, select: evidenceDtoSelect });
    const evidence = toEvidenceDto(row);
    await audit({ annotationId: claim.id, action: 'evidence_deleted', before: evidenceSnapshot(toEvidenceDto(existing)), after: { evidenceId, deleted: true } });
    live({ type: 'evidence.deleted', articleId: claim.articleId, annotationId: claim.id, evidence });
  });
}
