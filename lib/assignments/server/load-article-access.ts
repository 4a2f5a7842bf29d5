import 'server-only';
import { notFound } from '@/lib/api/app-error';
import { toAssignmentDto, type ArticleAccessDto } from '@/lib/assignments/assignment-dto';
import type { Db, Tx } from '@/lib/db/server/prisma';

/** An article's blind mode and assignments, each with the assignee's count of live annotations there. */
export async function loadArticleAccess(db: Db | Tx, articleId: string): Promise<ArticleAccessDto> {
  const article = await db.article.findUnique({
    where: { id: articleId },
    select: {
      blind: true,
      assignments: {
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        select: { dueAt: true, submittedAt: true, reopenedAt: true, user: { select: { id: true, name: true } } },
      },
    },
  });
  if (!article) throw notFound('The article');
  const userIds = article.assignments.map((a) => a.user.id);
  const counts = userIds.length
    ? await db.annotation.groupBy({ by: ['authorId'], where: { articleId, deletedAt: null, curated: false, authorId: { in: userIds } }, _count: { _all: true } })
    : [];
  const countOf = new Map(counts.map((c) => [c.authorId, c._count._all]));
  return { blind: article.blind, assignments: article.assignments.map((a) => toAssignmentDto(a, countOf.get(a.user.id) ?? 0)) };
}
