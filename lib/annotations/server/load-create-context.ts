import 'server-only';
import { notFound } from '@/lib/api/app-error';
import type { BlindState } from '@/lib/core/permissions';
import type { Tx } from '@/lib/db/server/prisma';
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
};

type LockedRow = { replayId: string | null; tag: { id: string; key: string; archived: boolean } | null; neighbours: TaggedSpan[] };
type VersionRow = { id: string; number: number; text: string; blind: boolean; submitted: string[] };

/**
 * Share-locks the article row (as lockCurrentVersion does: adding a version takes it FOR UPDATE, so
 * an anchor written under this lock never lands on a version already replaced) and reads what a
 * create needs in two statements instead of seven. The first takes the lock and reads what the lock
 * does not guard (the replayed key, the tag, the overlapping spans); the second starts after the
 * lock is granted, so it sees the version and blind state a concurrent re-import or access change
 * committed while this transaction waited — one statement could not: its snapshot predates the wait.
 */
export async function loadCreateContext(
  tx: Tx,
  actorId: string,
  articleId: string,
  selection: { tag: string; start: number; end: number; idempotencyKey: string | null },
): Promise<CreateContext> {
  const [locked] = await tx.$queryRaw<LockedRow[]>`
    WITH locked AS MATERIALIZED (SELECT id FROM "Article" WHERE id = ${articleId} FOR SHARE)
    SELECT
      (SELECT a.id FROM "Annotation" a WHERE a."authorId" = ${actorId} AND a."idempotencyKey" = ${selection.idempotencyKey}) AS "replayId",
      (SELECT json_build_object('id', t.id, 'key', t.key, 'archived', t."archivedAt" IS NOT NULL) FROM "SourceTag" t WHERE t.key = ${selection.tag}) AS tag,
      (SELECT COALESCE(json_agg(json_build_object('id', a.id, 'start', a.start, 'end', a."end", 'authorId', a."authorId", 'tag', t.key)), '[]'::json)
         FROM "Annotation" a JOIN "SourceTag" t ON t.id = a."tagId"
        WHERE a."articleId" = l.id AND a."deletedAt" IS NULL AND a."anchorState" <> 'orphaned'
          AND a.start < ${selection.end} AND a."end" > ${selection.start}) AS neighbours
    FROM locked l`;
  if (!locked) throw notFound('The article');
  const [current] = await tx.$queryRaw<VersionRow[]>`
    SELECT v.id, v.number, v.text, a.blind,
           COALESCE((SELECT array_agg(s."userId") FROM "Assignment" s WHERE s."articleId" = a.id AND s."submittedAt" IS NOT NULL), '{}') AS submitted
    FROM "Article" a
    JOIN LATERAL (SELECT id, number, text FROM "ArticleVersion" WHERE "articleId" = a.id ORDER BY number DESC LIMIT 1) v ON true
    WHERE a.id = ${articleId}`;
  if (!current) throw notFound('The article');
  return {
    version: { id: current.id, number: current.number, text: current.text },
    blind: { blind: current.blind, submitted: current.submitted },
    tag: locked.tag,
    replayId: locked.replayId,
    neighbours: locked.neighbours,
  };
}
