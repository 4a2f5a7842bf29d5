import { forbidden, notFound } from '@/lib/api/app-error';
import { describeRange, reanchor } from '@/lib/anchoring';
import { annotationDtoSelect, type AnnotationDto } from '@/lib/annotations/annotation-dto';
import { withConflicts } from '@/lib/annotations/annotation-conflicts';
import { lockCurrentVersion } from '@/lib/annotations/lock-current-version';
import { recordEvent } from '@/lib/annotations/record-event';
import type { Actor } from '@/lib/auth/actor';
import type { Db, Prisma } from '@/lib/db/prisma';
import { emitAfterCommit } from '@/lib/live/local-bus';
import { publishLiveEvent } from '@/lib/live/publish';
import { canRestoreAnnotation, type Decision } from '@/lib/review/permissions';

/** How long the author may undo their own delete; the UI offers undo for 10 s, this leaves room for slow networks. */
export const UNDO_WINDOW_MS = 10 * 60 * 1000;

/** The author within the undo window, or an admin at any time. */
export function canRestore(actor: Actor, annotation: { authorId: string; deletedAt: Date }, now = new Date()): Decision {
  if (canRestoreAnnotation(actor).ok) return { ok: true };
  if (actor.id !== annotation.authorId) return { ok: false, reason: 'Only the author or an admin can restore this annotation.' };
  if (now.getTime() - annotation.deletedAt.getTime() > UNDO_WINDOW_MS) {
    return { ok: false, reason: 'The undo window has passed: ask an admin to restore this annotation.' };
  }
  return { ok: true };
}

/**
 * Undoes a soft delete. An annotation deleted before a new version was imported missed that
 * re-anchoring, so it is re-anchored onto the current version here. Restoring a live annotation
 * changes nothing (a double-clicked undo is not an error).
 */
export async function restoreAnnotation(db: Db, actor: Actor, id: string): Promise<AnnotationDto> {
  const result = await db.$transaction(
    async (tx) => {
      const row = await tx.annotation.findUnique({
        where: { id },
        select: { authorId: true, articleId: true, deletedAt: true, versionId: true, exact: true, prefix: true, suffix: true, start: true, end: true, anchorState: true },
      });
      if (!row) throw notFound('The annotation');
      if (!row.deletedAt) {
        if (row.authorId !== actor.id && !canRestoreAnnotation(actor).ok) throw forbidden('Only the author or an admin can restore this annotation.');
        return { event: null };
      }
      const decision = canRestore(actor, { authorId: row.authorId, deletedAt: row.deletedAt });
      if (!decision.ok) throw forbidden(decision.reason);

      const version = await lockCurrentVersion(tx, row.articleId);
      const data: Prisma.AnnotationUncheckedUpdateManyInput = { deletedAt: null };
      const before: Record<string, Prisma.InputJsonValue | null> = { deletedAt: row.deletedAt.toISOString() };
      const after: Record<string, Prisma.InputJsonValue | null> = { deletedAt: null };
      if (row.versionId !== version.id) {
        const placed = reanchor(row, version.text);
        const target = placed.state === 'orphaned' ? { start: placed.start, end: placed.end } : describeRange(version.text, placed.start, placed.end);
        Object.assign(data, target, { versionId: version.id, anchorState: placed.state });
        Object.assign(before, { versionId: row.versionId, start: row.start, end: row.end, anchorState: row.anchorState });
        Object.assign(after, { versionId: version.id, start: placed.start, end: placed.end, anchorState: placed.state });
      }
      const { count } = await tx.annotation.updateMany({ where: { id, deletedAt: { not: null } }, data: { ...data, revision: { increment: 1 } } });
      if (count === 0) return { event: null };
      await recordEvent(tx, { annotationId: id, actorId: actor.id, action: 'restored', before, after });
      const event = await publishLiveEvent(tx, { type: 'annotation.updated', articleId: row.articleId, id, annotationId: id, actorId: actor.id });
      return { event };
    },
    { maxWait: 10_000, timeout: 20_000 },
  );
  if (result.event) emitAfterCommit([result.event]);
  const row = await db.annotation.findUniqueOrThrow({ where: { id }, select: annotationDtoSelect });
  return withConflicts(db, row);
}
