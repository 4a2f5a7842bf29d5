import { authedRoute } from '@/lib/api/server/route';
import { json } from '@/lib/api/respond';
import { readJson } from '@/lib/api/read-body';
import { articleContentSchema } from '@/lib/articles/article-schemas';
import { addArticleVersion } from '@/lib/articles/server/add-article-version';
import { db } from '@/lib/db/server/prisma';

export const POST = authedRoute<{ id: string }>(async (req, { actor, params }) => {
  const input = await readJson(req, articleContentSchema, 2 * 1024 * 1024);
  const result = await addArticleVersion(db, actor, params.id, input);
  return json(result, 201);
});
