import 'server-only';
import type { Actor } from '@/lib/core/actor';
import { canEditArticleDetails } from '@/lib/core/permissions';
import type { Db } from '@/lib/db/server/prisma';

/** Whether the page offers "Edit details" (the PATCH route decides again). */
export async function mayEditArticleDetails(db: Db, actor: Pick<Actor, 'id' | 'role'>, articleId: string): Promise<boolean> {
  const row = await db.article.findUnique({ where: { id: articleId }, select: { createdById: true } });
  return row ? canEditArticleDetails(actor, row.createdById).ok : false;
}
