import { z } from 'zod';
import { textField } from '@/lib/api/text-field';
import { authedRoute } from '@/lib/api/server/route';
import { json } from '@/lib/api/respond';
import { readJson } from '@/lib/api/read-body';
import { createApiToken, listApiTokens } from '@/lib/auth/server/api-tokens';
import { db } from '@/lib/db/server/prisma';

const createSchema = z.strictObject({ label: textField('label', { max: 100, min: 0 }).default('') });

export const GET = authedRoute(async (_req, { actor }) => json({ tokens: await listApiTokens(db, actor.id) }));

export const POST = authedRoute(async (req, { actor }) => {
  const { label } = await readJson(req, createSchema);
  const { id, token, prefix } = await createApiToken(db, actor.id, label);
  return json({ token: { id, prefix, label }, secret: token }, 201);
});
