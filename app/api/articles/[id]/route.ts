import { z } from 'zod';
import { authedRoute } from '@/lib/api/server/route';
import { json } from '@/lib/api/respond';
import { readQuery } from '@/lib/api/read-body';
import { getArticle } from '@/lib/articles/server/get-article';
import { db } from '@/lib/db/server/prisma';

const querySchema = z.strictObject({ version: z.coerce.number().int().positive('version must be a positive number').optional() });

export const GET = authedRoute<{ id: string }>(async (req, { params }) => {
  const { version } = readQuery(req, querySchema);
  return json(await getArticle(db, params.id, version));
});
