import 'server-only';
import { notFound } from '@/lib/api/app-error';
import type { Tx } from '@/lib/db/server/prisma';

/**
 * Share-locks the article row and returns its current version. Adding a version takes the row
 * FOR UPDATE (lib/articles/server/add-article-version.ts), so an anchor written under this lock can never
 * land on a version that a concurrent re-import has already replaced without re-anchoring it.
 */
export async function lockCurrentVersion(tx: Tx, articleId: string): Promise<{ id: string; number: number; text: string }> {
  const locked = await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM "Article" WHERE id = ${articleId} FOR SHARE`;
  if (locked.length === 0) throw notFound('The article');
  const version = await tx.articleVersion.findFirst({ where: { articleId }, orderBy: { number: 'desc' }, select: { id: true, number: true, text: true } });
  if (!version) throw notFound('The article');
  return version;
}
