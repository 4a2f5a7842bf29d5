import 'server-only';
import { toArticleSummaryDto, type ArticleSummaryDto } from '@/lib/articles/article-dto';
import { mapTotal } from '@/lib/api/total-map';
import type { Db } from '@/lib/db/server/prisma';

/** All articles of the desk, newest first, with live (non-deleted) annotation counts per source tag. */
export async function listArticles(db: Db): Promise<ArticleSummaryDto[]> {
  const [articles, counts, tags] = await Promise.all([
    db.article.findMany({
      orderBy: { createdAt: 'desc' },
      include: { versions: { orderBy: { number: 'desc' }, take: 1, select: { id: true, number: true } } },
    }),
    db.annotation.groupBy({ by: ['articleId', 'tagId'], where: { deletedAt: null }, _count: { _all: true } }),
    db.sourceTag.findMany({ select: { id: true, key: true } }),
  ]);
  const tagKey = new Map(tags.map((t) => [t.id, t.key]));
  const byArticle = new Map<string, Record<string, number>>();
  for (const row of counts) {
    const entry = byArticle.get(row.articleId) ?? {};
    entry[tagKey.get(row.tagId) ?? row.tagId] = row._count._all;
    byArticle.set(row.articleId, entry);
  }
  return mapTotal(articles, (a) => toArticleSummaryDto(a, a.versions[0] ?? null, byArticle.get(a.id) ?? {}), 'article');
}
