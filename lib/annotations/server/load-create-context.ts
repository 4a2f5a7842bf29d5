import 'server-only';
import { notFound } from '@/lib/api/app-error';
import type { BlindState } from '@/lib/core/permissions';
import { Prisma, type Tx } from '@/lib/db/server/prisma';
import type { TaggedSpan } from '@/lib/review/overlap';

/** Everything a new annotation is checked against and built from, read under the article's lock. */
export type CreateContext = {
  version: { id: string; number: number; text: string };
  blind: BlindState;
  /** The tag the client named, if it exists (archived or not: the caller decides what that means). */
  tag: { id: string; key: string; archived: boolean } | null;
  /** The actor's annotation made earlier with this Idempotency-Key, if any. */
  replayId: string | null;
  /** Live, placed annotations of the article overlapping the selection: the candidates for a conflict. */
  neighbours: TaggedSpan[];
  /**
   * A condition for the statement that writes the annotation: true while the version and blind
   * state read here are still the article's (see loadCreateContext). TRUE for a fresh read.
   */
  stillCurrent: Prisma.Sql;
};

type ContextRow = {
  replayId: string | null;
  tag: { id: string; key: string; archived: boolean } | null;
  neighbours: TaggedSpan[];
  versionId: string;
  number: number;
  text: string;
  blind: boolean;
  submitted: string[];
};

/**
 * Share-locks the article row (as lockCurrentVersion does: adding a version or changing blind mode
 * takes it FOR UPDATE) and reads everything a create needs in the same statement. That statement's
 * snapshot is taken before the lock is granted, so when it had to wait, a version or blind state
 * committed meanwhile is not in it: `stillCurrent` lets the write check, in its own (later) snapshot,
 * that what the lock guards is what was read, and write nothing otherwise. The caller then reads
 * again with `fresh` (after the lock, so current) and writes unconditionally.
 */
export async function loadCreateContext(
  tx: Tx,
  actorId: string,
  articleId: string,
  selection: { tag: string; start: number; end: number; idempotencyKey: string | null },
  { fresh = false }: { fresh?: boolean } = {},
): Promise<CreateContext> {
  const [row] = await tx.$queryRaw<ContextRow[]>`
    WITH locked AS MATERIALIZED (SELECT id FROM "Article" WHERE id = ${articleId} FOR SHARE)
    SELECT
      (SELECT a.id FROM "Annotation" a WHERE a."authorId" = ${actorId} AND a."idempotencyKey" = ${selection.idempotencyKey}) AS "replayId",
      (SELECT json_build_object('id', t.id, 'key', t.key, 'archived', t."archivedAt" IS NOT NULL) FROM "SourceTag" t WHERE t.key = ${selection.tag}) AS tag,
      (SELECT COALESCE(json_agg(json_build_object('id', a.id, 'start', a.start, 'end', a."end", 'authorId', a."authorId", 'tag', t.key)), '[]'::json)
         FROM "Annotation" a JOIN "SourceTag" t ON t.id = a."tagId"
        WHERE a."articleId" = l.id AND a."deletedAt" IS NULL AND a."anchorState" <> 'orphaned'
          AND a.start < ${selection.end} AND a."end" > ${selection.start}) AS neighbours,
      g."versionId", v.number, v.text, g.blind, g.submitted
    FROM locked l
    CROSS JOIN LATERAL (${guardedState(articleId)}) g
    JOIN "ArticleVersion" v ON v.id = g."versionId"`;
  if (!row) throw notFound('The article');
  return {
    version: { id: row.versionId, number: row.number, text: row.text },
    blind: { blind: row.blind, submitted: row.submitted },
    tag: row.tag,
    replayId: row.replayId,
    neighbours: row.neighbours,
    stillCurrent: fresh
      ? Prisma.sql`TRUE`
      : Prisma.sql`EXISTS (SELECT 1 FROM (${guardedState(articleId)}) g WHERE g."versionId" = ${row.versionId} AND g.blind = ${row.blind} AND g.submitted = ${row.submitted}::text[])`,
  };
}

/** What the article's lock guards, as one row: its current version and its blind state. */
function guardedState(articleId: string): Prisma.Sql {
  return Prisma.sql`
    SELECT (SELECT id FROM "ArticleVersion" WHERE "articleId" = a.id ORDER BY number DESC LIMIT 1) AS "versionId", a.blind,
           COALESCE((SELECT array_agg(s."userId" ORDER BY s."userId") FROM "Assignment" s WHERE s."articleId" = a.id AND s."submittedAt" IS NOT NULL), '{}') AS submitted
    FROM "Article" a WHERE a.id = ${articleId}`;
}
