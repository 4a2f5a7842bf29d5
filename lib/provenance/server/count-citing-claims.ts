import 'server-only';
import type { Db, Prisma } from '@/lib/db/server/prisma';
import { LIVE_EVIDENCE } from '@/lib/provenance/live-evidence';

/**
 * How many live claims cite each document (several links of one claim to one document count once);
 * `readable` (lib/assignments/server/read-scope.ts, readableAcrossArticles) keeps a colleague's hidden
 * blind claims out of the count, and a link citing a hidden annotation of the document (as the
 * cited-by list leaves it out: readableLinks).
 */
export async function countCitingClaims(db: Db, readable: Prisma.AnnotationWhereInput, documentIds?: readonly string[]): Promise<Map<string, number>> {
  const pairs = await db.evidence.groupBy({
    by: ['documentId', 'annotationId'],
    where: {
      ...LIVE_EVIDENCE,
      annotation: { deletedAt: null, ...readable },
      ...(Object.keys(readable).length > 0 ? { OR: [{ targetAnnotationId: null }, { targetAnnotation: readable }] } : {}),
      ...(documentIds ? { documentId: { in: [...documentIds] } } : {}),
    },
  });
  const out = new Map<string, number>();
  for (const p of pairs) out.set(p.documentId, (out.get(p.documentId) ?? 0) + 1);
  return out;
}
