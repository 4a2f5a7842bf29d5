import 'server-only';
import type { Db } from '@/lib/db/server/prisma';
import { runWrite } from '@/lib/db/server/run-write';
import { MATCHER_VERSION } from '@/lib/matching/claim-key-columns';
import { storeClaimKeys, type KeyedAnnotation } from '@/lib/matching/server/store-claim-keys';

/**
 * Keys for annotations that have none, whose text changed since (created before matching existed,
 * or re-anchored onto other words), or that an older matcher keyed (MATCHER_VERSION). Idempotent;
 * run after migrations.
 */
export async function backfillClaimKeys(db: Db, { batch = 1000 } = {}): Promise<number> {
  let total = 0;
  for (;;) {
    const rows = await db.$queryRaw<KeyedAnnotation[]>`
      SELECT a.id, a."articleId", a.exact FROM "Annotation" a
      LEFT JOIN "ClaimKey" k ON k."annotationId" = a.id
      WHERE a."deletedAt" IS NULL
        AND (k."annotationId" IS NULL OR k.exact <> a.exact OR COALESCE((k.features->>'v')::int, 1) < ${MATCHER_VERSION})
      ORDER BY a.id LIMIT ${batch}`;
    if (!rows.length) return total;
    await runWrite(db, null, ({ tx }) => storeClaimKeys(tx, rows));
    total += rows.length;
    if (rows.length < batch) return total;
  }
}
