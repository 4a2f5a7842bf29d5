import 'server-only';
import type { Db } from '@/lib/db/server/prisma';
import { LIVE_EVIDENCE } from '@/lib/provenance/live-evidence';

/** How many live claims cite each document (several links of one claim to one document count once). */
export async function countCitingClaims(db: Db, documentIds?: readonly string[]): Promise<Map<string, number>> {
  const pairs = await db.evidence.groupBy({
    by: ['documentId', 'annotationId'],
    where: { ...LIVE_EVIDENCE, annotation: { deletedAt: null }, ...(documentIds ? { documentId: { in: [...documentIds] } } : {}) },
  });
  const out = new Map<string, number>();
  for (const p of pairs) out.set(p.documentId, (out.get(p.documentId) ?? 0) + 1);
  return out;
}
