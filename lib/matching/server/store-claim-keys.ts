import 'server-only';
import type { Tx } from '@/lib/db/server/prisma';
import { claimKeyColumns, type ClaimKeyColumns } from '@/lib/matching/claim-key-columns';

/** `columns`, when the caller computed them already (off the request thread, for a bulk write). */
export type KeyedAnnotation = { id: string; articleId: string; exact: string; columns?: ClaimKeyColumns };

// Keys travel as one string per row: unnest() cannot take an array of arrays of different lengths.
const SEP = '\u001f';

/**
 * Computes and stores the matching keys of annotations (insert or replace), in the writing
 * transaction so the keys land with the annotation they describe.
 */
export async function storeClaimKeys(tx: Tx, rows: KeyedAnnotation[]): Promise<void> {
  if (!rows.length) return;
  const ids: string[] = [];
  const articles: string[] = [];
  const exacts: string[] = [];
  const keys: string[] = [];
  const terms: string[] = [];
  const features: string[] = [];
  for (const row of rows) {
    const c = row.columns ?? claimKeyColumns(row.exact);
    features.push(c.features);
    ids.push(row.id);
    articles.push(row.articleId);
    exacts.push(row.exact);
    keys.push(c.keys.join(SEP));
    terms.push(c.terms);
  }
  await tx.$executeRaw`
    INSERT INTO "ClaimKey" ("annotationId", "articleId", "exact", "keys", "terms", "features", "reviewed", "live", "updatedAt")
    SELECT t.id, t.article, t.exact, CASE WHEN t.k = '' THEN '{}'::text[] ELSE string_to_array(t.k, ${SEP}) END, t.terms, t.f::jsonb,
           a.status <> 'UNREVIEWED', a."deletedAt" IS NULL, now()
    FROM unnest(${ids}::text[], ${articles}::text[], ${exacts}::text[], ${keys}::text[], ${terms}::text[], ${features}::text[]) AS t(id, article, exact, k, terms, f)
    JOIN "Annotation" a ON a.id = t.id
    ON CONFLICT ("annotationId") DO UPDATE
      SET "articleId" = EXCLUDED."articleId", "exact" = EXCLUDED."exact", "keys" = EXCLUDED."keys", "terms" = EXCLUDED."terms", "features" = EXCLUDED."features",
          "reviewed" = EXCLUDED."reviewed", "live" = EXCLUDED."live", "updatedAt" = now()`;
}
