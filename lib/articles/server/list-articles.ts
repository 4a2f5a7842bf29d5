import 'server-only';
import { toArticleSummaryDto, type ArticleSummaryDto } from '@/lib/articles/article-dto';
import { mapTotal } from '@/lib/api/total-map';
import type { ArticleListQuery } from '@/lib/articles/article-schemas';
import type { Db } from '@/lib/db/server/prisma';
import { countCitingClaims } from '@/lib/provenance/server/count-citing-claims';

/** All articles of the desk (or only sources / articles), newest first, with live annotation counts per source tag and citing claims. */
export async function listArticles(db: Db, { kind }: ArticleListQuery = {}): Promise<ArticleSummaryDto[]> {
  const [articles, counts, tags, citedBy] = await Promise.all([
    db.article.findMany({
      where: kind ? { kind } : {},
      orderBy: { createdAt: 'desc' },
      include: { versions: { orderBy: { number: 'desc' }, take: 1, select: { id: true, number: true } } },
    }),
    db.annotation.groupBy({ by: ['articleId', 'tagId'], where: { deletedAt: null }, _count: { _all: true } }),
    db.sourceTag.findMany({ select: { id: true, key: true } }),
    countCitingClaims(db),
  ]);
  const tagKey = new Map(tags.map((t) => [t.id, t.key]));
  const byArticle = new Map<string, Record<string, number>>();
  for (const row of counts) {
    const entry = byArticle.get(row.articleId) ?? {};
    entry[tagKey.get(row.tagId) ?? row.tagId] = row._count._all;
    byArticle.set(row.articleId, entry);
  }
  return mapTotal(articles, (a) => toArticleSummaryDto(a, a.versions[0] ?? null, byArticle.get(a.id) ?? {}, citedBy.get(a.id) ?? 0), 'article');
}
