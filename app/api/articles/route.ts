import { authedRoute } from '@/lib/api/server/route';
import { json } from '@/lib/api/respond';
import { readJson } from '@/lib/api/read-body';
import { createArticleSchema } from '@/lib/articles/article-schemas';
import { createArticle } from '@/lib/articles/server/create-article';
import { getArticle } from '@/lib/articles/server/get-article';
import { listArticles } from '@/lib/articles/server/list-articles';
import { db } from '@/lib/db/server/prisma';

export const GET = authedRoute(async () => json({ articles: await listArticles(db) }));

export const POST = authedRoute(async (req, { actor }) => {
  const input = await readJson(req, createArticleSchema, 2 * 1024 * 1024);
  const created = await createArticle(db, actor, input);
  const { article, version } = await getArticle(db, created.id);
  return json({ article, version: { id: version.id, number: version.number } }, 201);
});
