import 'server-only';
import type { Actor } from '@/lib/core/actor';
import type { Subject } from '@/lib/core/permissions';
import type { Db, Tx } from '@/lib/db/server/prisma';
import { evidenceDtoSelect, toEvidenceDto, type EvidenceDto } from '@/lib/provenance/evidence-dto';
import { LIVE_EVIDENCE } from '@/lib/provenance/live-evidence';
import { readableClaim } from '@/lib/provenance/server/readable-claim';
import { readableLinks } from '@/lib/provenance/server/readable-links';

/**
 * The live evidence links of these claims as the actor may know them, oldest first (one query): links
 * quoting an annotation the actor may not read are left out. The claims' own readability is the caller's.
 */
export async function readableEvidence(db: Db | Tx, actor: Subject, annotationIds: readonly string[]): Promise<EvidenceDto[]> {
  if (annotationIds.length === 0) return [];
  const rows = await db.evidence.findMany({
    where: { annotationId: { in: [...annotationIds] }, ...LIVE_EVIDENCE },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: evidenceDtoSelect,
  });
  return (await readableLinks(db, actor, rows)).map(toEvidenceDto);
}

/** A claim's live evidence links, oldest first; links quoting an annotation the actor may not read are left out. */
export async function listEvidence(db: Db, actor: Actor, annotationId: string): Promise<EvidenceDto[]> {
  await readableClaim(db, actor, annotationId);
  return readableEvidence(db, actor, [annotationId]);
}
