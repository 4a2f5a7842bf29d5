import { authedRoute } from '@/lib/api/server/route';
import { json } from '@/lib/api/respond';
import { readJson } from '@/lib/api/read-body';
import { db } from '@/lib/db/server/prisma';
import { patchArticleDetailsSchema } from '@/lib/articles/article-schemas';
import { updateArticleDetails } from '@/lib/articles/server/update-article-details';

/** The importer, a reviewer or an admin: title, outlet, byline, date, URL, kind, issuing body, symbol. */
export const PATCH = authedRoute<{ id: string }>(async (req, { actor, params }) => json(await updateArticleDetails(db, actor, params.id, await readJson(req, patchArticleDetailsSchema))));
