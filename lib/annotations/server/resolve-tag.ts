import 'server-only';
import { AppError } from '@/lib/api/app-error';
import type { Db, Tx } from '@/lib/db/server/prisma';

/** The tag with this key if it can be put on an annotation now; 400 listing the usable keys otherwise. */
export async function resolveUsableTag(db: Db | Tx, key: string): Promise<{ id: string; key: string }> {
  const tag = await db.sourceTag.findUnique({ where: { key }, select: { id: true, key: true, archivedAt: true } });
  if (tag && tag.archivedAt === null) return { id: tag.id, key: tag.key };
  const usable = await db.sourceTag.findMany({ where: { archivedAt: null }, orderBy: [{ sortOrder: 'asc' }, { key: 'asc' }], select: { key: true } });
  const keys = usable.map((t) => t.key);
  const why = tag ? `The tag "${key}" is archived and cannot be used for new work` : `Unknown tag "${key}"`;
  throw new AppError('validation_failed', `${why}: use one of ${keys.join(', ')}.`, [{ path: 'tag', message: `must be one of: ${keys.join(', ')}` }]);
}
