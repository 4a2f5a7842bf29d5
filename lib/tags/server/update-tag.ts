import 'server-only';
import { forbidden, notFound } from '@/lib/api/app-error';
import type { Actor } from '@/lib/core/actor';
import { canManageTags } from '@/lib/core/permissions';
import type { Db, Tx } from '@/lib/db/server/prisma';
import { runWrite, type Write } from '@/lib/db/server/run-write';
import type { PatchTagInput } from '@/lib/tags/tag-schemas';
import { toTagDto, type SourceTagDto } from '@/lib/tags/server/list-source-tags';

/**
 * Renames, recolours, re-describes, moves or (un)archives a tag. Archiving keeps the tag on the
 * annotations that have it; only new annotations cannot choose it (resolve-tag.ts). Moving renumbers
 * the whole list 1..n, so the shortcuts (1, 2, 3… in the desk's order) follow.
 */
export async function updateTag(db: Db, actor: Actor, key: string, patch: PatchTagInput): Promise<SourceTagDto> {
  const decision = canManageTags(actor);
  if (!decision.ok) throw forbidden(decision.reason);
  return runWrite(db, actor, async (w) => {
    // Locks the tag row: two admins moving tags at once renumber one after the other.
    const [current] = await w.tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM "SourceTag" WHERE key = ${key} FOR UPDATE`;
    if (!current) throw notFound(`The tag "${key}"`);
    const before = toTagDto(await w.tx.sourceTag.findUniqueOrThrow({ where: { id: current.id } }));

    const { label, color, description, archived, sortOrder } = patch;
    const fields = { label, color, description, ...(archived === undefined || archived === before.archived ? {} : { archivedAt: archived ? new Date() : null }) };
    const changesFields = Object.values(fields).some((v) => v !== undefined);
    if (changesFields) await w.tx.sourceTag.update({ where: { id: current.id }, data: fields });
    if (sortOrder !== undefined) await moveTag(w.tx, current.id, sortOrder);

    const after = toTagDto(await w.tx.sourceTag.findUniqueOrThrow({ where: { id: current.id } }));
    await auditChanges(w, before, after);
    return after;
  });
}

async function moveTag(tx: Tx, id: string, position: number): Promise<void> {
  const all = await tx.sourceTag.findMany({ orderBy: [{ sortOrder: 'asc' }, { createdAt: 'asc' }], select: { id: true, sortOrder: true } });
  const others = all.filter((t) => t.id !== id);
  const index = Math.min(Math.max(position - 1, 0), others.length);
  const order = [...others.slice(0, index), { id, sortOrder: -1 }, ...others.slice(index)];
  for (const [i, tag] of order.entries()) {
    if (tag.sortOrder !== i + 1) await tx.sourceTag.update({ where: { id: tag.id }, data: { sortOrder: i + 1 } });
  }
}

/** One audit entry per kind of change, so the log reads "archived" rather than a diff of a timestamp. */
async function auditChanges(w: Write, before: SourceTagDto, after: SourceTagDto): Promise<void> {
  const { archived: wasArchived, sortOrder: wasAt, ...restBefore } = before;
  const { archived: isArchived, sortOrder: isAt, ...restAfter } = after;
  if (JSON.stringify(restBefore) !== JSON.stringify(restAfter)) await w.auditTag({ tagId: after.id, action: 'updated', before: restBefore, after: restAfter });
  if (wasAt !== isAt) await w.auditTag({ tagId: after.id, action: 'moved', before: { sortOrder: wasAt }, after: { sortOrder: isAt } });
  if (wasArchived !== isArchived) await w.auditTag({ tagId: after.id, action: isArchived ? 'archived' : 'unarchived' });
}
