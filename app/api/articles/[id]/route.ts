import { authedRoute } from '@/lib/api/server/route';
import { json } from '@/lib/api/respond';
import { readQuery } from '@/lib/api/read-body';
import { getArticle } from '@/lib/articles/server/get-article';
import { db } from '@/lib/db/server/prisma';
import { articleQuerySchema } from '@/lib/articles/article-schemas';

export const GET = authedRoute<{ id: string }>(async (req, { params }) => {
  const { version } = readQuery(req, articleQuerySchema);
  return json(await getArticle(db, params.id, version));
});
