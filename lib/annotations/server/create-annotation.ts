import 'server-only';
import { assertMayChangeBlindWork } from '@/lib/assignments/server/assert-blind-access';
import { AppError } from '@/lib/api/app-error';
import { annotationDtoSelect, toAnnotationDto, type AnnotationDto } from '@/lib/annotations/annotation-dto';
import { withConflicts } from '@/lib/annotations/server/annotation-conflicts';
import { viewerAnnotation } from '@/lib/annotations/server/viewer-annotations';
import type { CreateAnnotationInput } from '@/lib/annotations/annotation-schemas';
import { snapshotOf } from '@/lib/annotations/annotation-snapshot';
import { lockCurrentVersion } from '@/lib/annotations/server/lock-current-version';
import { resolveUsableTag } from '@/lib/annotations/server/resolve-tag';
import { isUniqueViolation } from '@/lib/annotations/unique-violation';
import { validateSelection } from '@/lib/annotations/validate-selection';
import type { Actor } from '@/lib/core/actor';
import type { Db } from '@/lib/db/server/prisma';
import { runWrite } from '@/lib/db/server/run-write';
import { resolveMatchOf } from '@/lib/matching/server/resolve-match-of';
import { storeClaimKeys } from '@/lib/matching/server/store-claim-keys';
import { recordSuggestionFeedback } from '@/lib/suggest/server/record-suggestion-feedback';

export type CreateAnnotationResult = { annotation: AnnotationDto; created: boolean };

/**
 * Highlights `text[start, end)` of the article's current version for the actor. The selection is
 * checked against the stored text and the context computed here, never taken from the client.
 * With an idempotency key, a retried request returns the first annotation (created: false): the
 * unique (authorId, idempotencyKey) index settles simultaneous retries.
 */
export async function createAnnotation(
  db: Db,
  actor: Actor,
  articleId: string,
  input: CreateAnnotationInput,
  { idempotencyKey = null }: { idempotencyKey?: string | null } = {},
): Promise<CreateAnnotationResult> {
  if (idempotencyKey) {
    const replay = await findReplay(db, actor, articleId, input, idempotencyKey);
    if (replay) return { annotation: replay, created: false };
  }
  let annotation: AnnotationDto;
  try {
    annotation = await runWrite(db, actor, async ({ tx, audit, live }) => {
      const version = await lockCurrentVersion(tx, articleId);
      await assertMayChangeBlindWork(tx, actor, articleId);
      if (input.versionId !== undefined && input.versionId !== version.id) {
        throw new AppError('conflict', 'The article has a newer version; reload it and select the text again.', { currentVersionId: version.id });
      }
      const target = validateSelection(version.text, input.start, input.end, input.exact);
      const tag = await resolveUsableTag(tx, input.tag);
      const matchOfId = input.matchOf ? await resolveMatchOf(tx, actor, articleId, input.matchOf) : null;
      const row = await tx.annotation.create({
        data: {
          articleId,
          versionId: version.id,
          authorId: actor.id,
          ...target,
          tagId: tag.id,
          sourceDetail: input.sourceDetail ?? null,
          note: input.note ?? null,
          confidence: input.confidence ?? null,
          reliability: input.grade?.reliability ?? null,
          credibility: input.grade?.credibility ?? null,
          suggestionReason: input.suggestionReason ?? null,
          matchOfId,
          idempotencyKey,
        },
        select: annotationDtoSelect,
      });
      await storeClaimKeys(tx, [{ id: row.id, articleId, exact: row.exact }]);
      await audit({ annotationId: row.id, action: 'created', after: snapshotOf(toAnnotationDto(row)) });
      // An accepted suggestion (the client sends its reason) teaches the desk which rules hold.
      if (input.suggestionReason) {
        await recordSuggestionFeedback(tx, { userId: actor.id, articleId, versionId: version.id, text: version.text, start: row.start, end: row.end, finalTag: tag.key, annotationId: row.id });
      }
      const annotation = await withConflicts(tx, row);
      // The key goes only to the author's own streams: their tab swaps its optimistic row for this one.
      live({ type: 'annotation.created', articleId, annotationId: row.id, annotation, ...(idempotencyKey ? { clientKey: idempotencyKey } : {}) });
      return annotation;
    });
  } catch (error) {
    if (idempotencyKey && isUniqueViolation(error)) {
      const replay = await findReplay(db, actor, articleId, input, idempotencyKey);
      if (replay) return { annotation: replay, created: false };
    }
    throw error;
  }
  // On a blind article a new annotation may conflict with a colleague's hidden one: the author's copy names only what they may read.
  return { annotation: await viewerAnnotation(db, actor, annotation), created: true };
}

/** The annotation an earlier request with this key created (as the author may see it now: it may have links since), if any; 409 if the key was used for another selection. */
async function findReplay(db: Db, actor: Actor, articleId: string, input: CreateAnnotationInput, key: string): Promise<AnnotationDto | null> {
  const row = await db.annotation.findUnique({ where: { authorId_idempotencyKey: { authorId: actor.id, idempotencyKey: key } }, select: annotationDtoSelect });
  if (!row) return null;
  // A re-anchored annotation has moved, so compare what the client sent, not where it is now.
  const created = await db.annotationEvent.findFirst({ where: { annotationId: row.id, action: 'created' }, select: { after: true } });
  const first = (created?.after ?? {}) as { start?: unknown; end?: unknown; exact?: unknown };
  const same = row.articleId === articleId && (created ? first.start === input.start && first.end === input.end && first.exact === input.exact : true);
  if (!same) {
    throw new AppError('conflict', 'This Idempotency-Key was already used for a different annotation: send a new key for a new annotation.');
  }
  return viewerAnnotation(db, actor, await withConflicts(db, row));
}
