import 'server-only';
import type { Db, Tx } from '@/lib/db/server/prisma';

/** The article's live sequence number (0 before its first event), or null when there is no such article. One query. */
export async function readArticleSeq(db: Db | Tx, articleId: string): Promise<number | null> {
  const rows = await db.$queryRaw<Array<{ seq: number }>>`
    SELECT COALESCE(s.seq, 0)::int AS seq FROM "Article" a LEFT JOIN "LiveSequence" s ON s."articleId" = a.id WHERE a.id = ${articleId}`;
  return rows[0]?.seq ?? null;
}
