import { authedRoute } from '@/lib/api/route';
import { json } from '@/lib/api/respond';
import { readJson } from '@/lib/api/read-body';
import { createArticleSchema } from '@/lib/articles/article-schemas';
import { createArticle } from '@/lib/articles/create-article';
import { getArticle } from '@/lib/articles/get-article';
import { listArticles } from '@/lib/articles/list-articles';
import { db } from '@/lib/db/prisma';

export const GET = authedRoute(async () => json({ articles: await listArticles(db) }));

export const POST = authedRoute(async (req, { actor }) => {
  const input = await readJson(req, createArticleSchema, 2 * 1024 * 1024);
  const created = await createArticle(db, actor, input);
  const { article, version } = await getArticle(db, created.id);
  return json({ article, version: { id: version.id, number: version.number } }, 201);
});
