import 'server-only';
import { forbidden, notFound } from '@/lib/api/app-error';
import { annotationDtoSelect, type AnnotationDto, type AnnotationRow } from '@/lib/annotations/annotation-dto';
import { withConflicts } from '@/lib/annotations/server/annotation-conflicts';
import type { UpdateAnnotationInput } from '@/lib/annotations/annotation-schemas';
import { recordEvent } from '@/lib/annotations/server/record-event';
import { resolveUsableTag } from '@/lib/annotations/server/resolve-tag';
import { staleRevision } from '@/lib/annotations/stale-revision';
import type { Actor } from '@/lib/core/actor';
import type { Db, Prisma, Tx } from '@/lib/db/server/prisma';
import { emitAfterCommit } from '@/lib/live/server/local-bus';
import { publishLiveEvent } from '@/lib/live/server/publish';
import { canEditAnnotation } from '@/lib/core/permissions';

type Changes = { data: Prisma.AnnotationUncheckedUpdateManyInput; before: Record<string, Prisma.InputJsonValue | null>; after: Record<string, Prisma.InputJsonValue | null> };

/**
 * The author changes their annotation's tag, source detail, note, confidence or grade. Optimistic
 * concurrency: the write only applies at the revision the client saw (409 with the current
 * annotation otherwise) and bumps it. The audit event keeps before/after of the changed fields only.
 */
export async function updateAnnotation(db: Db, actor: Actor, id: string, input: UpdateAnnotationInput): Promise<AnnotationDto> {
  const result = await db.$transaction(
    async (tx) => {
      const row = await tx.annotation.findUnique({ where: { id }, select: annotationDtoSelect });
      if (!row || row.deletedAt) throw notFound('The annotation');
      const decision = canEditAnnotation(actor, row.author.id);
      if (!decision.ok) throw forbidden(decision.reason);
      if (row.revision !== input.revision) throw staleRevision(await withConflicts(tx, row));

      const changes = await changesOf(tx, row, input);
      if (Object.keys(changes.before).length === 0) return { row, event: null };

      const { count } = await tx.annotation.updateMany({
        where: { id, revision: input.revision, deletedAt: null },
        data: { ...changes.data, revision: { increment: 1 } },
      });
      if (count === 0) {
        // Changed or deleted between our read and our write.
        const current = await tx.annotation.findUnique({ where: { id }, select: annotationDtoSelect });
        if (!current || current.deletedAt) throw notFound('The annotation');
        throw staleRevision(await withConflicts(tx, current));
      }
      await recordEvent(tx, { annotationId: id, actorId: actor.id, action: 'updated', before: changes.before, after: changes.after });
      const event = await publishLiveEvent(tx, { type: 'annotation.updated', articleId: row.articleId, id, annotationId: id, actorId: actor.id });
      const updated = await tx.annotation.findUniqueOrThrow({ where: { id }, select: annotationDtoSelect });
      return { row: updated, event };
    },
    { maxWait: 10_000, timeout: 20_000 },
  );
  if (result.event) emitAfterCommit([result.event]);
  return withConflicts(db, result.row);
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
