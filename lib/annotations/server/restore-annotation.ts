import 'server-only';
import { forbidden, notFound } from '@/lib/api/app-error';
import { describeRange, reanchor } from '@/lib/anchoring';
import { annotationDtoSelect, type AnnotationDto } from '@/lib/annotations/annotation-dto';
import { withConflicts } from '@/lib/annotations/server/annotation-conflicts';
import { viewerAnnotation } from '@/lib/annotations/server/viewer-annotations';
import { lockCurrentVersion } from '@/lib/annotations/server/lock-current-version';
import type { Actor } from '@/lib/core/actor';
import type { Db, Prisma } from '@/lib/db/server/prisma';
import { runWrite } from '@/lib/db/server/run-write';
import { canRestore } from '@/lib/core/permissions';
import { assertMayReadAnnotation } from '@/lib/assignments/server/assert-blind-access';

/**
 * Undoes a soft delete. An annotation deleted before a new version was imported missed that
 * re-anchoring, so it is re-anchored onto the current version here. Restoring a live annotation
 * changes nothing (a double-clicked undo is not an error).
 */
export async function restoreAnnotation(db: Db, actor: Actor, id: string): Promise<AnnotationDto> {
  await runWrite(db, actor, async ({ tx, audit, live }) => {
    const row = await tx.annotation.findUnique({
      where: { id },
      select: { authorId: true, articleId: true, curated: true, deletedAt: true, versionId: true, exact: true, prefix: true, suffix: true, start: true, end: true, anchorState: true },
    });
    if (!row) throw notFound('The annotation');
    // A colleague's hidden blind annotation answers like a missing one, so its existence does not leak.
    await assertMayReadAnnotation(tx, actor, row);
    // Nothing to undo: allowed to whoever could have restored it a moment after deleting.
    const decision = canRestore(actor, { authorId: row.authorId, deletedAt: row.deletedAt ?? new Date() });
    if (!decision.ok) throw forbidden(decision.reason);
    if (!row.deletedAt) return;

    const version = await lockCurrentVersion(tx, row.articleId);
    const data: Prisma.AnnotationUncheckedUpdateManyInput = { deletedAt: null };
    const before: Record<string, Prisma.InputJsonValue | null> = { deletedAt: row.deletedAt.toISOString() };
    const after: Record<string, Prisma.InputJsonValue | null> = { deletedAt: null };
    if (row.versionId !== version.id) {
      // Deleted annotations skip re-anchoring: diff from the version its offsets refer to.
      const previous = await tx.articleVersion.findUnique({ where: { id: row.versionId }, select: { text: true } });
      const placed = reanchor(row, version.text, { previousText: previous?.text });
      const target = placed.state === 'orphaned' ? { start: placed.start, end: placed.end } : describeRange(version.text, placed.start, placed.end);
      Object.assign(data, target, { versionId: version.id, anchorState: placed.state });
      Object.assign(before, { versionId: row.versionId, start: row.start, end: row.end, anchorState: row.anchorState });
      Object.assign(after, { versionId: version.id, start: placed.start, end: placed.end, anchorState: placed.state });
    }
    const { count } = await tx.annotation.updateMany({ where: { id, deletedAt: { not: null } }, data: { ...data, revision: { increment: 1 } } });
    if (count === 0) return;
    await audit({ annotationId: id, action: 'restored', before, after });
    live({ type: 'annotation.restored', articleId: row.articleId, annotationId: id });
  });
  const row = await db.annotation.findUniqueOrThrow({ where: { id }, select: annotationDtoSelect });
  return viewerAnnotation(db, actor, await withConflicts(db, row));
}
