import 'server-only';
import { assertMayChangeBlindWork, assertMayReadAnnotation } from '@/lib/assignments/server/assert-blind-access';
import { forbidden, notFound } from '@/lib/api/app-error';
import { annotationDtoSelect, type AnnotationDto, type AnnotationRow } from '@/lib/annotations/annotation-dto';
import type { UpdateAnnotationInput } from '@/lib/annotations/annotation-schemas';
import { withConflicts } from '@/lib/annotations/server/annotation-conflicts';
import { viewerAnnotation } from '@/lib/annotations/server/viewer-annotations';
import { resolveUsableTag } from '@/lib/annotations/server/resolve-tag';
import { staleRevision } from '@/lib/annotations/stale-revision';
import type { Actor } from '@/lib/core/actor';
import { canEditAnnotation, canRegrade } from '@/lib/core/permissions';
import type { Db, Prisma, Tx } from '@/lib/db/server/prisma';
import { runWrite } from '@/lib/db/server/run-write';
import { retagSuggestionFeedback } from '@/lib/suggest/server/record-suggestion-feedback';

type Changes = { data: Prisma.AnnotationUncheckedUpdateManyInput; before: Record<string, Prisma.InputJsonValue | null>; after: Record<string, Prisma.InputJsonValue | null> };

const AUTHOR_FIELDS = ['tag', 'sourceDetail', 'note', 'confidence'] as const;

/**
 * Changes an annotation's tag, source detail, note, confidence or Admiralty grade: the author may
 * change everything, a reviewer or admin the grade (canRegrade). Optimistic concurrency: the write
 * only applies at the revision the client saw (409 with the current annotation otherwise) and bumps
 * it. The audit event keeps before/after of the changed fields only; a change of the grade alone is
 * recorded as a regrade.
 */
export async function updateAnnotation(db: Db, actor: Actor, id: string, input: UpdateAnnotationInput): Promise<AnnotationDto> {
  const written = await runWrite(db, actor, async ({ tx, audit, live }) => {
    const row = await tx.annotation.findUnique({ where: { id }, select: annotationDtoSelect });
    if (!row || row.deletedAt) throw notFound('The annotation');
    await assertMayReadAnnotation(tx, actor, { articleId: row.articleId, authorId: row.author.id, curated: row.curated });
    if (row.author.id === actor.id) await assertMayChangeBlindWork(tx, actor, row.articleId);
    const decision = AUTHOR_FIELDS.some((field) => input[field] !== undefined) ? canEditAnnotation(actor, row.author.id) : canRegrade(actor, row.author.id);
    if (!decision.ok) throw forbidden(decision.reason);
    if (row.revision !== input.revision) throw staleRevision(await viewerAnnotation(tx, actor, await withConflicts(tx, row)));

    const changes = await changesOf(tx, row, input);
    if (Object.keys(changes.before).length === 0) return withConflicts(tx, row);

    const { count } = await tx.annotation.updateMany({
      where: { id, revision: input.revision, deletedAt: null },
      data: { ...changes.data, revision: { increment: 1 } },
    });
    if (count === 0) {
      // Changed or deleted between our read and our write.
      const current = await tx.annotation.findUnique({ where: { id }, select: annotationDtoSelect });
      if (!current || current.deletedAt) throw notFound('The annotation');
      throw staleRevision(await viewerAnnotation(tx, actor, await withConflicts(tx, current)));
    }
    const gradeOnly = Object.keys(changes.before).length === 1 && changes.before.grade !== undefined;
    if (gradeOnly) await audit({ annotationId: id, action: 'regraded', before: changes.before.grade, after: changes.after.grade });
    else await audit({ annotationId: id, action: 'updated', before: changes.before, after: changes.after });
    if (typeof changes.after.tag === 'string') await retagSuggestionFeedback(tx, id, changes.after.tag);
    const annotation = await withConflicts(tx, await tx.annotation.findUniqueOrThrow({ where: { id }, select: annotationDtoSelect }));
    live({ type: 'annotation.updated', articleId: row.articleId, annotationId: id, annotation });
    return annotation;
  });
  // Published once for every viewer (each stream makes its viewer's copy); the answer is the writer's copy.
  return viewerAnnotation(db, actor, written);
}

async function changesOf(tx: Tx, row: AnnotationRow, input: UpdateAnnotationInput): Promise<Changes> {
  const changes: Changes = { data: {}, before: {}, after: {} };
  if (input.tag !== undefined && input.tag !== row.tag.key) {
    const tag = await resolveUsableTag(tx, input.tag);
    changes.data.tagId = tag.id;
    changes.before.tag = row.tag.key;
    changes.after.tag = tag.key;
  }
  for (const field of ['sourceDetail', 'note', 'confidence'] as const) {
    const next = input[field];
    if (next !== undefined && next !== row[field]) {
      changes.data[field] = next;
      changes.before[field] = row[field];
      changes.after[field] = next;
    }
  }
  if (input.grade) {
    const was = { reliability: row.reliability, credibility: row.credibility };
    const now = {
      reliability: input.grade.reliability === undefined ? was.reliability : input.grade.reliability,
      credibility: input.grade.credibility === undefined ? was.credibility : input.grade.credibility,
    };
    if (now.reliability !== was.reliability || now.credibility !== was.credibility) {
      changes.data.reliability = now.reliability;
      changes.data.credibility = now.credibility;
      changes.before.grade = was;
      changes.after.grade = now;
    }
  }
  return changes;
}
