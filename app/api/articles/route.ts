import { authedRoute } from '@/lib/api/server/route';
import { readQuery } from '@/lib/api/read-body';
import { articleListQuerySchema } from '@/lib/articles/article-schemas';
import { json } from '@/lib/api/respond';
import { createArticle } from '@/lib/articles/server/create-article';
import { getArticle } from '@/lib/articles/server/get-article';
import { listArticles } from '@/lib/articles/server/list-articles';
import { db } from '@/lib/db/server/prisma';
import { readImportRequest } from '@/lib/documents/server/read-import-request';

export const GET = authedRoute(async (req, { actor }) => json({ articles: await listArticles(db, actor, readQuery(req, articleListQuerySchema)) }));

export const POST = authedRoute(async (req, { actor }) => {
  const input = await readImportRequest(req, { withMetadata: true });
  const created = await createArticle(db, actor, input);
  const { article, version } = await getArticle(db, actor, created.id);
  return json({ article, version: { id: version.id, number: version.number, format: version.format, pageCount: version.pages?.length ?? null } }, 201);
});
