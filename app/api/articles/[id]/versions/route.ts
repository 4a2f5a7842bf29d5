import { authedRoute } from '@/lib/api/server/route';
import { json } from '@/lib/api/respond';
import { addArticleVersion } from '@/lib/articles/server/add-article-version';
import { db } from '@/lib/db/server/prisma';
import { readImportRequest } from '@/lib/documents/server/read-import-request';

export const POST = authedRoute<{ id: string }>(async (req, { actor, params }) => {
  const { source } = await readImportRequest(req, { withMetadata: false });
  const result = await addArticleVersion(db, actor, params.id, source);
  return json(result, 201);
});
