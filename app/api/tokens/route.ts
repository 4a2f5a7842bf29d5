import { authedRoute } from '@/lib/api/server/route';
import { json } from '@/lib/api/respond';
import { readJson } from '@/lib/api/read-body';
import { listApiTokens } from '@/lib/auth/server/api-tokens';
import { mintApiToken } from '@/lib/auth/server/mint-api-token';
import { createTokenSchema } from '@/lib/auth/token-schemas';
import { db } from '@/lib/db/server/prisma';
import { clientAddress } from '@/lib/security/server/client-address';

export const GET = authedRoute(async (_req, { actor }) => json({ tokens: await listApiTokens(db, actor.id) }));

export const POST = authedRoute(async (req, { actor, credential }) => {
  const input = await readJson(req, createTokenSchema);
  const { id, token, prefix, expiresAt } = await mintApiToken(db, actor, credential, input, clientAddress(req.headers));
  return json({ token: { id, prefix, label: input.label, expiresAt }, secret: token }, 201);
});
