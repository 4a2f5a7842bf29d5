import { notFound } from '@/lib/api/app-error';
import { authedRoute } from '@/lib/api/server/route';
import { revokeApiToken } from '@/lib/auth/server/api-tokens';
import { db } from '@/lib/db/server/prisma';

// Scoped to the caller's own tokens: someone else's token id is simply "not found".
export const DELETE = authedRoute<{ id: string }>(async (_req, { actor, params }) => {
  if (!(await revokeApiToken(db, actor.id, params.id))) throw notFound('The token');
  return new Response(null, { status: 204 });
});
