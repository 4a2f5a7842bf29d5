import 'server-only';
import { AppError, forbidden } from '@/lib/api/app-error';
import { isUniqueViolation } from '@/lib/annotations/unique-violation';
import type { Actor } from '@/lib/core/actor';
import { canManageTags } from '@/lib/core/permissions';
import type { Db } from '@/lib/db/server/prisma';
import { runWrite } from '@/lib/db/server/run-write';
import type { CreateTagInput } from '@/lib/tags/tag-schemas';
import { toTagDto, type SourceTagDto } from '@/lib/tags/server/list-source-tags';

const duplicate = (key: string) => new AppError('conflict', `A tag with the key "${key}" already exists (archived tags keep their key): choose another key.`);

/** A new tag goes last in the desk's order (so existing shortcuts keep their numbers). */
export async function createTag(db: Db, actor: Actor, input: CreateTagInput): Promise<SourceTagDto> {
  const decision = canManageTags(actor);
  if (!decision.ok) throw forbidden(decision.reason);
  try {
    return await runWrite(db, actor, async (w) => {
      if (await w.tx.sourceTag.findUnique({ where: { key: input.key }, select: { id: true } })) throw duplicate(input.key);
      const last = await w.tx.sourceTag.aggregate({ _max: { sortOrder: true } });
      const row = await w.tx.sourceTag.create({
        data: { key: input.key, label: input.label, color: input.color, description: input.description ?? '', sortOrder: (last._max.sortOrder ?? 0) + 1 },
      });
      const tag = toTagDto(row);
      await w.auditTag({ tagId: row.id, action: 'created', after: tag });
      return tag;
    });
  } catch (error) {
    // Two admins adding the same key at once: the unique index decides, the loser gets the same 409.
    if (isUniqueViolation(error)) throw duplicate(input.key);
    throw error;
  }
}
