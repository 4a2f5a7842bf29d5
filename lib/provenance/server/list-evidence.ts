import 'server-only';
import type { Actor } from '@/lib/core/actor';
import type { Db } from '@/lib/db/server/prisma';
import { evidenceDtoSelect, toEvidenceDto, type EvidenceDto } from '@/lib/provenance/evidence-dto';
import { LIVE_EVIDENCE } from '@/lib/provenance/live-evidence';
import { readableClaim } from '@/lib/provenance/server/readable-claim';
import { readableLinks } from '@/lib/provenance/server/readable-links';

/** A claim's live evidence links, oldest first; links quoting an annotation the actor may not read are left out. */
export async function listEvidence(db: Db, actor: Actor, annotationId: string): Promise<EvidenceDto[]> {
  await readableClaim(db, actor, annotationId);
  const rows = await db.evidence.findMany({ where: { annotationId, ...LIVE_EVIDENCE }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: evidenceDtoSelect });
  return (await readableLinks(db, actor, rows)).map(toEvidenceDto);
}
