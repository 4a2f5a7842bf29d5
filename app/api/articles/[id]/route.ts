import { z } from 'zod';
import { authedRoute } from '@/lib/api/route';
import { json } from '@/lib/api/respond';
import { readQuery } from '@/lib/api/read-body';
import { getArticle } from '@/lib/articles/get-article';
import { db } from '@/lib/db/prisma';

const querySchema = z.strictObject({ version: z.coerce.number().int().positive('version must be a positive number').optional() });

export const GET = authedRoute<{ id: string }>(async (req, { params }) => {
  const { version } = readQuery(req, querySchema);
  return json(await getArticle(db, params.id, version));
});
