import { authedRoute } from '@/lib/api/server/route';
import { json } from '@/lib/api/respond';
import { readJson } from '@/lib/api/read-body';
import { db } from '@/lib/db/server/prisma';
import { resolveConflict } from '@/lib/review/server/resolve-conflict';
import { resolveConflictSchema } from '@/lib/review/review-schemas';

export const POST = authedRoute<{ id: string }>(async (req, { actor, params }) => {
  const input = await readJson(req, resolveConflictSchema);
  return json(await resolveConflict(db, actor, params.id, input));
});
