import 'server-only';
import { Prisma, type Db, type Tx } from '@/lib/db/server/prisma';

export type CandidateQuery = { figureKeys: string[]; terms: string };

const SEP = '\u001f';

/** Trigram similarity a wording must reach to be a candidate (pg_trgm's default is 0.3). */
const TRIGRAM_THRESHOLD = 0.2;

type CandidateOptions = { excludeArticleId: string; reviewedOnly?: boolean; perRoute?: number };

/** The candidate statement itself (the benchmark EXPLAINs it). */
export function candidateQuery(queries: CandidateQuery[], { excludeArticleId, reviewedOnly = false, perRoute = 30 }: CandidateOptions): Prisma.Sql {
  const figureKeys = queries.map((q) => q.figureKeys.join(SEP));
  const terms = queries.map((q) => q.terms);
  return Prisma.sql`
    WITH q AS (
      SELECT i, CASE WHEN fk = '' THEN '{}'::text[] ELSE string_to_array(fk, ${SEP}) END AS fk, terms
      FROM unnest(${figureKeys}::text[], ${terms}::text[]) WITH ORDINALITY AS t(fk, terms, i)
    )
    SELECT q.i, c.id FROM q CROSS JOIN LATERAL (
      (SELECT k."annotationId" AS id FROM "ClaimKey" k
         JOIN "Annotation" a ON a.id = k."annotationId"
        WHERE cardinality(q.fk) > 0 AND k.keys && q.fk AND k."articleId" <> ${excludeArticleId}
          AND a."deletedAt" IS NULL AND a.exact = k.exact AND (${!reviewedOnly} OR a.status <> 'UNREVIEWED')
        ORDER BY similarity(k.terms, q.terms) DESC LIMIT ${perRoute})
      UNION
      (SELECT k."annotationId" AS id FROM "ClaimKey" k
         JOIN "Annotation" a ON a.id = k."annotationId"
        WHERE q.terms <> '' AND k.terms % q.terms AND k."articleId" <> ${excludeArticleId}
          AND a."deletedAt" IS NULL AND a.exact = k.exact AND (${!reviewedOnly} OR a.status <> 'UNREVIEWED')
        ORDER BY similarity(k.terms, q.terms) DESC LIMIT ${perRoute})
    ) c`;
}

/** Sets the trigram threshold for the rest of the transaction (`%` reads it). */
export function trigramThreshold(): Prisma.Sql {
  return Prisma.sql`SELECT set_config('pg_trgm.similarity_threshold', ${String(TRIGRAM_THRESHOLD)}, true)`;
}

/**
 * Candidate annotations for several claims in one statement, found by index, never by reading
 * every claim: those sharing a figure bucket (GIN on `keys`), and those whose normalised wording is
 * trigram-similar (GIN on `terms`), each route ranked by wording similarity and cut at `perRoute`.
 * Deleted annotations, stale keys and the excluded article never come back.
 * Returns, per query index, candidate annotation ids.
 */
export async function findMatchCandidates(db: Db, queries: CandidateQuery[], options: CandidateOptions): Promise<string[][]> {
  if (!queries.length) return [];
  const rows = await db.$transaction(async (tx: Tx) => {
    await tx.$executeRaw(trigramThreshold());
    return tx.$queryRaw<{ i: bigint; id: string }[]>(candidateQuery(queries, options));
  });
  const out: string[][] = queries.map(() => []);
  for (const r of rows) out[Number(r.i) - 1].push(r.id);
  return out;
}
