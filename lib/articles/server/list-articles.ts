import 'server-only';
import { toArticleSummaryDto, type ArticleSummaryDto } from '@/lib/articles/article-dto';
import { mapTotal } from '@/lib/api/total-map';
import type { ArticleListQuery } from '@/lib/articles/article-schemas';
import type { Db } from '@/lib/db/server/prisma';
import { countCitingClaims } from '@/lib/provenance/server/count-citing-claims';

import type { Actor } from '@/lib/core/actor';
import { assignmentState } from '@/lib/assignments/assignment-dto';
import { readableAcrossArticles } from '@/lib/assignments/server/read-scope';

/**
 * All articles of the desk (or only sources / articles), newest first, with the live annotation
 * counts per source tag that the actor may read (a blind article counts only their scope), citing
 * claims, and the actor's own assignment.
 */
export async function listArticles(db: Db, actor: Pick<Actor, 'id' | 'role'>, { kind }: ArticleListQuery = {}): Promise<ArticleSummaryDto[]> {
  const readable = await readableAcrossArticles(db, actor);
  const [articles, counts, tags, citedBy, mine] = await Promise.all([
    db.article.findMany({
      where: kind ? { kind } : {},
      orderBy: { createdAt: 'desc' },
      include: { versions: { orderBy: { number: 'desc' }, take: 1, select: { id: true, number: true } } },
    }),
    db.annotation.groupBy({ by: ['articleId', 'tagId'], where: { deletedAt: null, ...readable }, _count: { _all: true } }),
    db.sourceTag.findMany({ select: { id: true, key: true } }),
    countCitingClaims(db, readable),
    db.assignment.findMany({ where: { userId: actor.id }, select: { articleId: true, dueAt: true, submittedAt: true } }),
  ]);
  const ownCounts = mine.length
    ? await db.annotation.groupBy({ by: ['articleId'], where: { authorId: actor.id, deletedAt: null, articleId: { in: mine.map((m) => m.articleId) } }, _count: { _all: true } })
    : [];
  const ownCount = new Map(ownCounts.map((c) => [c.articleId, c._count._all]));
  const myAssignment = new Map(
    mine.map((m) => [m.articleId, { state: assignmentState(m, ownCount.get(m.articleId) ?? 0), dueAt: m.dueAt?.toISOString() ?? null, submittedAt: m.submittedAt?.toISOString() ?? null }]),
  );
  const tagKey = new Map(tags.map((t) => [t.id, t.key]));
  const byArticle = new Map<string, Record<string, number>>();
  for (const row of counts) {
    const entry = byArticle.get(row.articleId) ?? {};
    entry[tagKey.get(row.tagId) ?? row.tagId] = row._count._all;
    byArticle.set(row.articleId, entry);
  }
  return mapTotal(articles, (a) => toArticleSummaryDto(a, a.versions[0] ?? null, byArticle.get(a.id) ?? {}, citedBy.get(a.id) ?? 0, myAssignment.get(a.id) ?? null), 'article');
}
