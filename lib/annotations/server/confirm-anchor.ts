import 'server-only';
import { AppError, forbidden, notFound } from '@/lib/api/app-error';
import { assertMayReadAnnotation } from '@/lib/assignments/server/assert-blind-access';
import { annotationDtoSelect, type AnnotationDto } from '@/lib/annotations/annotation-dto';
import { withConflicts } from '@/lib/annotations/server/annotation-conflicts';
import { viewerAnnotation } from '@/lib/annotations/server/viewer-annotations';
import type { ConfirmAnchorInput } from '@/lib/annotations/annotation-schemas';
import { lockCurrentVersion } from '@/lib/annotations/server/lock-current-version';
import { staleRevision } from '@/lib/annotations/stale-revision';
import { validateSelection } from '@/lib/annotations/validate-selection';
import type { Actor } from '@/lib/core/actor';
import type { Db, Prisma } from '@/lib/db/server/prisma';
import { runWrite } from '@/lib/db/server/run-write';
import { canConfirmAnchor } from '@/lib/core/permissions';
import { storeClaimKeys } from '@/lib/matching/server/store-claim-keys';

/**
 * After re-anchoring, a person settles an uncertain anchor: without offsets it confirms the
 * anchor where it is (state → exact); with start/end/exact it moves it to that selection of the
 * current version (checked like a new annotation). Revision-checked like an edit.
 */
export async function confirmAnchor(db: Db, actor: Actor, id: string, input: ConfirmAnchorInput): Promise<AnnotationDto> {
  const written = await runWrite(db, actor, async ({ tx, audit, live }) => {
    const row = await tx.annotation.findUnique({ where: { id }, select: annotationDtoSelect });
    if (!row || row.deletedAt) throw notFound('The annotation');
    // A colleague's hidden blind annotation answers like a missing one, so its existence does not leak.
    await assertMayReadAnnotation(tx, actor, { articleId: row.articleId, authorId: row.author.id, curated: row.curated });
    const decision = canConfirmAnchor(actor, row.author.id);
    if (!decision.ok) throw forbidden(decision.reason);
    if (row.revision !== input.revision) throw staleRevision(await viewerAnnotation(tx, actor, await withConflicts(tx, row)));
    const version = await lockCurrentVersion(tx, row.articleId);

    let data: Prisma.AnnotationUncheckedUpdateManyInput;
    if (input.start !== undefined && input.end !== undefined && input.exact !== undefined) {
      data = { ...validateSelection(version.text, input.start, input.end, input.exact), versionId: version.id, anchorState: 'exact' };
    } else {
      if (row.anchorState === 'orphaned') {
        throw new AppError('validation_failed', 'This annotation is orphaned: send start, end and exact to place it on the current text.');
      }
      if (row.versionId !== version.id) throw new AppError('conflict', 'The article has a newer version; reload it and check the anchor again.');
      if (row.anchorState === 'exact') return withConflicts(tx, row);
      data = { anchorState: 'exact' };
    }
    const { count } = await tx.annotation.updateMany({ where: { id, revision: input.revision, deletedAt: null }, data: { ...data, revision: { increment: 1 } } });
    if (count === 0) {
      const current = await tx.annotation.findUnique({ where: { id }, select: annotationDtoSelect });
      if (!current || current.deletedAt) throw notFound('The annotation');
      throw staleRevision(await viewerAnnotation(tx, actor, await withConflicts(tx, current)));
    }
    const updated = await tx.annotation.findUniqueOrThrow({ where: { id }, select: annotationDtoSelect });
    if (updated.exact !== row.exact) await storeClaimKeys(tx, [{ id, articleId: updated.articleId, exact: updated.exact }]);
    const anchorOf = (a: typeof row) => ({ versionId: a.versionId, start: a.start, end: a.end, exact: a.exact, anchorState: a.anchorState });
    await audit({ annotationId: id, action: 'anchor_confirmed', before: anchorOf(row), after: anchorOf(updated) });
    const annotation = await withConflicts(tx, updated);
    live({ type: 'annotation.reanchored', articleId: row.articleId, annotationId: id, annotation });
    return annotation;
  });
  // Published once for every viewer (each stream makes its viewer's copy); the answer is the writer's copy.
  return viewerAnnotation(db, actor, written);
}
