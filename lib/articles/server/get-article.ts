import 'server-only';
import { notFound } from '@/lib/api/app-error';
import { toArticleSummaryDto, type ArticleSummaryDto, type ArticleVersionDto } from '@/lib/articles/article-dto';
import type { Db } from '@/lib/db/server/prisma';
import type { Actor } from '@/lib/core/actor';
import { readableAcrossArticles, readableOnArticle } from '@/lib/assignments/server/read-scope';
import { readPageMap } from '@/lib/documents/page-map';
import { countCitingClaims } from '@/lib/provenance/server/count-citing-claims';
import { assignmentState } from '@/lib/assignments/assignment-dto';

/** An article and one of its versions; the tag counts are of the annotations the actor may read. */
export async function getArticle(
  db: Db,
  actor: Pick<Actor, 'id' | 'role'>,
  articleId: string,
  versionNumber?: number,
): Promise<{ article: ArticleSummaryDto; version: ArticleVersionDto; versions: Array<{ id: string; number: number; createdAt: string }> }> {
  const article = await db.article.findUnique({
    where: { id: articleId },
    include: { versions: { orderBy: { number: 'desc' }, select: { id: true, number: true, createdAt: true } } },
  });
  if (!article || article.versions.length === 0) throw notFound('The article');
  const current = article.versions[0]!;
  const wanted = versionNumber === undefined ? current : article.versions.find((v) => v.number === versionNumber);
  if (!wanted) throw notFound(`Version ${versionNumber} of this article`);
  const readable = await readableOnArticle(db, actor, articleId);
  const [version, counts, tags, citedBy, mine] = await Promise.all([
    db.articleVersion.findUniqueOrThrow({ where: { id: wanted.id } }),
    db.annotation.groupBy({ by: ['tagId'], where: { articleId, deletedAt: null, ...readable }, _count: { _all: true } }),
    db.sourceTag.findMany({ select: { id: true, key: true } }),
    readableAcrossArticles(db, actor).then((across) => countCitingClaims(db, across, [articleId])),
    db.assignment.findUnique({ where: { articleId_userId: { articleId, userId: actor.id } }, select: { dueAt: true, submittedAt: true } }),
  ]);
  const ownCount = mine ? await db.annotation.count({ where: { articleId, authorId: actor.id, deletedAt: null } }) : 0;
  const myAssignment = mine ? { state: assignmentState(mine, ownCount), dueAt: mine.dueAt?.toISOString() ?? null, submittedAt: mine.submittedAt?.toISOString() ?? null } : null;
  const tagKey = new Map(tags.map((t) => [t.id, t.key]));
  const countsByKey = Object.fromEntries(counts.map((c) => [tagKey.get(c.tagId) ?? c.tagId, c._count._all]));
  return {
    article: toArticleSummaryDto(article, { id: current.id, number: current.number }, countsByKey, citedBy.get(articleId) ?? 0, myAssignment),
    version: {
      id: version.id,
      number: version.number,
      text: version.text,
      doc: version.doc,
      contentHash: version.contentHash,
      createdAt: version.createdAt.toISOString(),
      format: version.format,
      pages: readPageMap(version.pages),
    },
    versions: article.versions.map((v) => ({ id: v.id, number: v.number, createdAt: v.createdAt.toISOString() })),
  };
}
