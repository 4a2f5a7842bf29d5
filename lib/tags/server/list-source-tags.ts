import 'server-only';
import type { Db, Tx } from '@/lib/db/server/prisma';
import type { SourceTagDto } from '@/lib/tags/tag-dto';
import { tagColor } from '@/lib/tags/tag-color';

export type { SourceTagDto };

type TagRow = { id: string; key: string; label: string; color: string; description: string; sortOrder: number; archivedAt: Date | null };

export function toTagDto(t: TagRow): SourceTagDto {
  return { id: t.id, key: t.key, label: t.label, color: tagColor(t.color), description: t.description, sortOrder: t.sortOrder, archived: t.archivedAt !== null };
}

/**
 * The desk's tags in its order. Archived tags are included (old annotations still carry them, and
 * pages need their label and colour) unless `activeOnly`; the UI offers only active ones for new work.
 */
export async function listSourceTags(db: Db | Tx, { activeOnly = false } = {}): Promise<SourceTagDto[]> {
  const tags = await db.sourceTag.findMany({
    where: activeOnly ? { archivedAt: null } : {},
    orderBy: [{ sortOrder: 'asc' }, { createdAt: 'asc' }],
  });
  const dtos = tags.map(toTagDto);
  return [...dtos.filter((t) => !t.archived), ...dtos.filter((t) => t.archived)];
}
