import 'server-only';
import type { Actor } from '@/lib/core/actor';
import { canReadAnnotation } from '@/lib/core/permissions';
import { scopesOf } from '@/lib/assignments/server/read-scope';
import type { Db } from '@/lib/db/server/prisma';
import { evidenceDtoSelect, toEvidenceDto, type EvidenceDto } from '@/lib/provenance/evidence-dto';
import { LIVE_EVIDENCE } from '@/lib/provenance/live-evidence';
import { readableClaim } from '@/lib/provenance/server/readable-claim';

/** A claim's live evidence links, oldest first; links quoting an annotation the actor may not read are left out. */
export async function listEvidence(db: Db, actor: Actor, annotationId: string): Promise<EvidenceDto[]> {
  await readableClaim(db, actor, annotationId);
  const rows = await db.evidence.findMany({ where: { annotationId, ...LIVE_EVIDENCE }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: evidenceDtoSelect });
  const scopeOf = await scopesOf(db, actor, rows.flatMap((r) => (r.targetAnnotation ? [r.targetAnnotation.articleId] : [])));
  return rows.filter((r) => !r.targetAnnotation || canReadAnnotation(actor, { ...r.targetAnnotation, deletedAt: null }, scopeOf(r.targetAnnotation.articleId)).ok).map(toEvidenceDto);
}
