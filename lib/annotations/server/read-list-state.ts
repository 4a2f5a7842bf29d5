import 'server-only';
import type { Db, Tx } from '@/lib/db/server/prisma';

/** What a whole-list answer is built from: the live sequence number and a fingerprint of the article's annotation rows. */
export type ListState = { seq: number; fingerprint: string; count: number };

/**
 * The article's live sequence number (as readArticleSeq) with a fingerprint of the rows a list shows —
 * its annotations, their replies, evidence links and the annotations those cite, and the annotations elsewhere made from them
 * (count and latest update of each) — in one query; null when there is no such article. The
 * fingerprint catches writes that bypass the live pipeline (the seed, maintenance by hand), which do
 * not bump the sequence number.
 */
export async function readListState(db: Db | Tx, articleId: string): Promise<ListState | null> {
  const rows = await db.$queryRaw<Array<{ seq: number; n: number; parts: string }>>`
    SELECT COALESCE(s.seq, 0)::int AS seq, f.n,
      concat_ws(':', f.n, f.changed, r.n, r.changed, e.n, e.changed, m.n, m.changed) AS parts
    FROM "Article" a
    LEFT JOIN "LiveSequence" s ON s."articleId" = a.id
    CROSS JOIN LATERAL (SELECT count(*)::int AS n, max(x."updatedAt")::text AS changed FROM "Annotation" x WHERE x."articleId" = a.id) f
    CROSS JOIN LATERAL (SELECT count(*)::int AS n, max(y."updatedAt")::text AS changed FROM "Reply" y JOIN "Annotation" x ON x.id = y."annotationId" WHERE x."articleId" = a.id) r
    CROSS JOIN LATERAL (SELECT count(*)::int AS n, GREATEST(max(y."updatedAt"), max(t."updatedAt"))::text AS changed FROM "Evidence" y JOIN "Annotation" x ON x.id = y."annotationId" LEFT JOIN "Annotation" t ON t.id = y."targetAnnotationId" WHERE x."articleId" = a.id) e
    CROSS JOIN LATERAL (SELECT count(*)::int AS n, max(y."updatedAt")::text AS changed FROM "Annotation" y JOIN "Annotation" x ON x.id = y."matchOfId" WHERE x."articleId" = a.id) m
    WHERE a.id = ${articleId}`;
  const row = rows[0];
  if (!row) return null;
  return { seq: row.seq, count: row.n, fingerprint: row.parts };
}
