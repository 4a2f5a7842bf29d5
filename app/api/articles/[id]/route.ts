import { authedRoute } from '@/lib/api/server/route';
import { json } from '@/lib/api/respond';
import { readJson, readQuery } from '@/lib/api/read-body';
import { getArticle } from '@/lib/articles/server/get-article';
import { db } from '@/lib/db/server/prisma';
import { articleQuerySchema } from '@/lib/articles/article-schemas';
import { patchArticleSchema } from '@/lib/assignments/assignment-schemas';
import { loadArticleAccess } from '@/lib/assignments/server/load-article-access';
import { updateArticleAccess } from '@/lib/assignments/server/update-article-access';

export const GET = authedRoute<{ id: string }>(async (req, { actor, params }) => {
  const { version } = readQuery(req, articleQuerySchema);
  const data = await getArticle(db, actor, params.id, version);
  return json({ ...data, article: { ...data.article, ...(await loadArticleAccess(db, params.id)) } });
});

/** Reviewer or admin: blind mode, assignees, due date. */
export const PATCH = authedRoute<{ id: string }>(async (req, { actor, params }) => json(await updateArticleAccess(db, actor, params.id, await readJson(req, patchArticleSchema))));
