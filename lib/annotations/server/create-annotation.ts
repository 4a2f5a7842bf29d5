import 'server-only';
import { assertMayChangeBlindWorkIn } from '@/lib/assignments/server/assert-blind-access';
import { AppError } from '@/lib/api/app-error';
import { annotationDtoSelect, toAnnotationDto, type AnnotationDto, type AnnotationRow } from '@/lib/annotations/annotation-dto';
import { conflictsOfNew, withConflicts } from '@/lib/annotations/server/annotation-conflicts';
import { insertAnnotation } from '@/lib/annotations/server/insert-annotation';
import { loadCreateContext, type CreateContext } from '@/lib/annotations/server/load-create-context';
import { viewerAnnotation } from '@/lib/annotations/server/viewer-annotations';
import type { CreateAnnotationInput } from '@/lib/annotations/annotation-schemas';
import { resolveUsableTag } from '@/lib/annotations/server/resolve-tag';
import { isUniqueViolation } from '@/lib/annotations/unique-violation';
import { validateSelection } from '@/lib/annotations/validate-selection';
import type { Actor } from '@/lib/core/actor';
import type { Db } from '@/lib/db/server/prisma';
import { runWrite } from '@/lib/db/server/run-write';
import { resolveMatchOf } from '@/lib/matching/server/resolve-match-of';
import { recordSuggestionFeedback } from '@/lib/suggest/server/record-suggestion-feedback';

export type CreateAnnotationResult = { annotation: AnnotationDto; created: boolean };

/**
 * Highlights `text[start, end)` of the article's current version for the actor. The selection is
 * checked against the stored text and the context computed here, never taken from the client.
 * With an idempotency key, a retried request returns the first annotation (created: false): the
 * unique (authorId, idempotencyKey) index settles simultaneous retries.
 *
 * Every API call's cost follows its database round trips (Prisma's per-statement work), so a create
 * is three statements inside BEGIN/COMMIT: the article's lock with everything read
 * (loadCreateContext), the row with its claim keys and audit entry (insertAnnotation), and the live
 * event (publishLiveEvents). A fourth only when the lock had to wait for a new version or an access
 * change, and for matchOf, an archived or unknown tag, or an accepted suggestion.
 */
export async function createAnnotation(
  db: Db,
  actor: Actor,
  articleId: string,
  input: CreateAnnotationInput,
  { idempotencyKey = null }: { idempotencyKey?: string | null } = {},
): Promise<CreateAnnotationResult> {
  let written: { annotation: AnnotationDto } | { replayOf: string };
  try {
    written = await runWrite(db, actor, async ({ tx, live }) => {
      const selection = { tag: input.tag, start: input.start, end: input.end, idempotencyKey };
      let context = await loadCreateContext(tx, actor.id, articleId, selection);
      if (context.replayId) return { replayOf: context.replayId };
      let tag: { id: string; key: string } | undefined;
      let matchOf: AnnotationRow['matchOf'] | undefined;
      const insertChecked = async ({ version, blind, tag: named, stillCurrent }: CreateContext) => {
        assertMayChangeBlindWorkIn(actor, blind);
        if (input.versionId !== undefined && input.versionId !== version.id) {
          throw new AppError('conflict', 'The article has a newer version; reload it and select the text again.', { currentVersionId: version.id });
        }
        const target = validateSelection(version.text, input.start, input.end, input.exact);
        // Unknown or archived: resolveUsableTag reads the usable tags for the 400.
        tag ??= named && !named.archived ? named : await resolveUsableTag(tx, input.tag);
        matchOf ??= input.matchOf ? await resolveMatchOf(tx, actor, articleId, input.matchOf) : null;
        const fields = {
          articleId,
          versionId: version.id,
          target,
          tag,
          sourceDetail: input.sourceDetail ?? null,
          note: input.note ?? null,
          confidence: input.confidence ?? null,
          grade: { reliability: input.grade?.reliability ?? null, credibility: input.grade?.credibility ?? null },
          suggestionReason: input.suggestionReason ?? null,
          matchOf,
          idempotencyKey,
        };
        const row = await insertAnnotation(tx, actor, fields, stillCurrent);
        return row && { row, tag };
      };
      let inserted = await insertChecked(context);
      if (!inserted) {
        // A re-import or an access change committed while this create waited for the lock: check against that instead.
        context = await loadCreateContext(tx, actor.id, articleId, selection, { fresh: true });
        if (context.replayId) return { replayOf: context.replayId };
        inserted = await insertChecked(context);
        if (!inserted) throw new Error('an unconditional insert wrote nothing');
      }
      const { row } = inserted;
      const { version } = context;
      // An accepted suggestion (the client sends its reason) teaches the desk which rules hold.
      if (input.suggestionReason) {
        await recordSuggestionFeedback(tx, { userId: actor.id, articleId, versionId: version.id, text: version.text, start: row.start, end: row.end, finalTag: inserted.tag.key, annotationId: row.id });
      }
      const conflicts = conflictsOfNew({ id: row.id, start: row.start, end: row.end, authorId: actor.id, tag: inserted.tag.key }, context.neighbours);
      const annotation = toAnnotationDto(row, conflicts);
      // The key goes only to the author's own streams: their tab swaps its optimistic row for this one.
      live({ type: 'annotation.created', articleId, annotationId: row.id, annotation, ...(idempotencyKey ? { clientKey: idempotencyKey } : {}) });
      return { annotation };
    });
  } catch (error) {
    if (idempotencyKey && isUniqueViolation(error)) {
      const replay = await findReplay(db, actor, articleId, input, idempotencyKey);
      if (replay) return { annotation: replay, created: false };
    }
    throw error;
  }
  if ('replayOf' in written) {
    const replay = await findReplay(db, actor, articleId, input, idempotencyKey!);
    if (replay) return { annotation: replay, created: false };
    // Gone since (its article was deleted): the key names nothing now, so this is a first request.
    return createAnnotation(db, actor, articleId, input, { idempotencyKey });
  }
  // On a blind article a new annotation may conflict with a colleague's hidden one: the author's copy names only what they may read.
  return { annotation: await viewerAnnotation(db, actor, written.annotation), created: true };
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
