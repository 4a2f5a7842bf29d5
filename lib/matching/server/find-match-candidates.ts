import 'server-only';
import { Prisma, type Db } from '@/lib/db/server/prisma';
import { articleYearOf } from '@/lib/matching/article-year';
import type { ClaimFeatures } from '@/lib/matching/extract-claim-features';
import type { KeyQuery } from '@/lib/matching/select-query-keys';
import { fromStoredFeatures, type StoredFeatures } from '@/lib/matching/stored-features';

export type Candidate = { id: string; exact: string; features: ClaimFeatures };

const SEP = '\u001f';

type CandidateOptions = { excludeArticleId: string; reviewedOnly?: boolean; limit?: number };

/**
 * The candidate statement for several claims at once: per claim, the live annotations of other
 * articles sharing one of its rare lookup keys (a GIN index scan on `keys`, partial on reviewed
 * claims for known-claims), ranked by the summed rarity of every key they share, cut at `limit`;
 * each with its article's publication date, read for the kept rows only.
 */
export function candidateQuery(queries: KeyQuery[], { excludeArticleId, reviewedOnly = false, limit = 40 }: CandidateOptions): Prisma.Sql {
  const lookups = queries.map((q) => q.lookup.join(SEP));
  const keys = queries.map((q) => q.keys.join(SEP));
  const weights = queries.map((q) => q.weights.join(SEP));
  // Two copies of the lookup so each reads its own partial index (the planner picks by predicate).
  const lookup = reviewedOnly
    ? Prisma.sql`k.live AND k.reviewed AND k.keys && q.lookup`
    : Prisma.sql`k.live AND k.keys && q.lookup`;
  return Prisma.sql`
    WITH q AS (
      SELECT i,
             CASE WHEN l = '' THEN '{}'::text[] ELSE string_to_array(l, ${SEP}) END AS lookup,
             CASE WHEN ks = '' THEN '{}'::text[] ELSE string_to_array(ks, ${SEP}) END AS keys,
             CASE WHEN ws = '' THEN '{}'::float8[] ELSE string_to_array(ws, ${SEP})::float8[] END AS weights
      FROM unnest(${lookups}::text[], ${keys}::text[], ${weights}::text[]) WITH ORDINALITY AS t(l, ks, ws, i)
    )
    SELECT q.i, c.id, c.exact, c.features,
           (SELECT a."publishedAt" FROM "Article" a WHERE a.id = c."articleId") AS "publishedAt"
      FROM q CROSS JOIN LATERAL (
      SELECT k."annotationId" AS id, k."articleId", k.exact, k.features,
             (SELECT COALESCE(sum(w.weight), 0) FROM unnest(q.keys, q.weights) AS w(key, weight) WHERE w.key = ANY (k.keys)) AS shared
        FROM "ClaimKey" k
       WHERE cardinality(q.lookup) > 0 AND ${lookup} AND k."articleId" <> ${excludeArticleId} AND k.exact <> ''
       ORDER BY shared DESC, k."annotationId"
       LIMIT ${limit}
    ) c`;
}

/** Candidate annotations (id, the text their keys were computed from, its features), per query, best first. */
export async function findMatchCandidates(db: Db, queries: KeyQuery[], options: CandidateOptions): Promise<Candidate[][]> {
  if (!queries.length) return [];
  const rows = await db.$queryRaw<{ i: bigint; id: string; exact: string; features: StoredFeatures; publishedAt: Date | null }[]>(candidateQuery(queries, options));
  const out: Candidate[][] = queries.map(() => []);
  // The article's year is read with the row, not stored in the features: an article's date may be corrected later.
  for (const r of rows) out[Number(r.i) - 1].push({ id: r.id, exact: r.exact, features: { ...fromStoredFeatures(r.features), articleYear: articleYearOf(r.publishedAt) } });
  return out;
}
