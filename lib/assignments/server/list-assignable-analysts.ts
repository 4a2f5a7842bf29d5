import 'server-only';
import type { Actor } from '@/lib/core/actor';
import { canAssignArticle, mayReadAllBlindWork } from '@/lib/core/permissions';
import type { Db } from '@/lib/db/server/prisma';

/** Who the assign form offers: active users whose work can be blind (not reviewers or admins); none for those who may not assign. */
export async function listAssignableAnalysts(db: Db, actor: Pick<Actor, 'id' | 'role'>): Promise<Array<{ id: string; name: string }>> {
  if (!canAssignArticle(actor).ok) return [];
  const users = await db.user.findMany({ where: { disabled: false }, orderBy: { name: 'asc' }, select: { id: true, name: true, role: true } });
  return users.filter((u) => !mayReadAllBlindWork(u)).map(({ id, name }) => ({ id, name }));
}
