import 'server-only';
import type { AnnotationDto, AnnotationRow } from '@/lib/annotations/annotation-dto';
import type { AnnotationSnapshot } from '@/lib/annotations/annotation-snapshot';
import { auditInsertSql } from '@/lib/annotations/server/record-event';
import type { AnchorTarget } from '@/lib/anchoring';
import type { AnchorState, Confidence, ReviewStatus } from '@/lib/core/enums';
import type { Actor } from '@/lib/core/actor';
import { newRowId } from '@/lib/db/server/new-row-id';
import { Prisma, type Tx } from '@/lib/db/server/prisma';
import { claimKeyColumns } from '@/lib/matching/claim-key-columns';

/** What the author chose; the rest of a new row is the database's defaults. */
export type NewAnnotation = {
  articleId: string;
  versionId: string;
  target: AnchorTarget;
  tag: { id: string; key: string };
  sourceDetail: string | null;
  note: string | null;
  confidence: Confidence | null;
  grade: AnnotationDto['grade'];
  suggestionReason: string | null;
  matchOf: AnnotationRow['matchOf'];
  idempotencyKey: string | null;
};

type Inserted = Pick<AnnotationRow, 'status' | 'anchorState' | 'revision' | 'curated' | 'curatedFrom' | 'createdAt' | 'updatedAt'>;

/**
 * Inserts the annotation, its claim-matching keys and its "created" audit entry in one statement,
 * and returns the row as annotationDtoSelect reads it, without reading it back: a new annotation has
 * no replies, evidence or later claims made from it, and its defaults come back from RETURNING. A
 * second annotation with the same (author, Idempotency-Key) fails on the unique index, as before.
 * Writes nothing and returns null unless `onlyIf` (an SQL condition) holds in the statement's snapshot.
 */
export async function insertAnnotation(tx: Tx, actor: Pick<Actor, 'id' | 'name'>, input: NewAnnotation, onlyIf: Prisma.Sql): Promise<AnnotationRow | null> {
  const id = newRowId();
  const { target } = input;
  const keys = claimKeyColumns(target.exact);
  // The audit log records what the author chose (snapshotOf), none of which the database fills in.
  const after: AnnotationSnapshot = {
    versionId: input.versionId,
    start: target.start,
    end: target.end,
    exact: target.exact,
    tag: input.tag.key,
    sourceDetail: input.sourceDetail,
    note: input.note,
    confidence: input.confidence,
    grade: input.grade,
    suggestionReason: input.suggestionReason,
  };
  const [inserted] = await tx.$queryRaw<Inserted[]>`
    WITH inserted AS (
      INSERT INTO "Annotation" (id, "articleId", "versionId", "authorId", exact, prefix, suffix, start, "end", "tagId", "sourceDetail", note,
                                confidence, reliability, credibility, "suggestionReason", "matchOfId", "idempotencyKey", "updatedAt")
      SELECT ${id}::text, ${input.articleId}::text, ${input.versionId}::text, ${actor.id}::text, ${target.exact}::text, ${target.prefix}::text, ${target.suffix}::text,
             ${target.start}::int, ${target.end}::int, ${input.tag.id}::text, ${input.sourceDetail}::text, ${input.note}::text, ${input.confidence}::"Confidence",
             ${input.grade.reliability}::char(1), ${input.grade.credibility}::smallint, ${input.suggestionReason}::text, ${input.matchOf?.id ?? null}::text,
             ${input.idempotencyKey}::text, now()
      WHERE ${onlyIf}
      RETURNING id, "articleId", exact, status, "anchorState", revision, curated, "curatedFrom", "createdAt", "updatedAt", "deletedAt"
    ), keyed AS (
      INSERT INTO "ClaimKey" ("annotationId", "articleId", "exact", "keys", "terms", "features", "reviewed", "live", "updatedAt")
      SELECT i.id, i."articleId", i.exact, ${keys.keys}::text[], ${keys.terms}, ${keys.features}::jsonb, i.status <> 'UNREVIEWED', i."deletedAt" IS NULL, now()
      FROM inserted i
    ), audited AS (${auditInsertSql([{ annotationId: id, actorId: actor.id, action: 'created', after }], { onlyIf: Prisma.sql`EXISTS (SELECT 1 FROM inserted)` })})
    SELECT status::text AS status, "anchorState"::text AS "anchorState", revision, curated, "curatedFrom", "createdAt", "updatedAt" FROM inserted`;
  return inserted ? rowOf(id, actor, input, inserted) : null;
}

function rowOf(id: string, actor: Pick<Actor, 'id' | 'name'>, input: NewAnnotation, stored: Inserted): AnnotationRow {
  return {
    id,
    articleId: input.articleId,
    versionId: input.versionId,
    ...input.target,
    sourceDetail: input.sourceDetail,
    note: input.note,
    confidence: input.confidence,
    reliability: input.grade.reliability,
    credibility: input.grade.credibility,
    status: stored.status as ReviewStatus,
    anchorState: stored.anchorState as AnchorState,
    revision: stored.revision,
    suggestionReason: input.suggestionReason,
    curated: stored.curated,
    curatedFrom: stored.curatedFrom,
    deletedAt: null,
    createdAt: stored.createdAt,
    updatedAt: stored.updatedAt,
    tag: { key: input.tag.key },
    author: { id: actor.id, name: actor.name },
    matchOf: input.matchOf ?? null,
    _count: { replies: 0, matchedBy: 0 },
    evidence: [],
  };
}
