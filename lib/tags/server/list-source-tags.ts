import 'server-only';
import type { Db } from '@/lib/db/server/prisma';
import { tagColor } from '@/lib/tags/tag-color';

export type SourceTagDto = { id: string; key: string; label: string; color: string; description: string; sortOrder: number; archived: boolean };

export async function listSourceTags(db: Db, { includeArchived = false } = {}): Promise<SourceTagDto[]> {
  const tags = await db.sourceTag.findMany({
    where: includeArchived ? {} : { archivedAt: null },
    orderBy: [{ sortOrder: 'asc' }, { createdAt: 'asc' }],
  });
  return tags.map((t) => ({ id: t.id, key: t.key, label: t.label, color: tagColor(t.color), description: t.description, sortOrder: t.sortOrder, archived: t.archivedAt !== null }));
}
