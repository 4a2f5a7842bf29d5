import { authedRoute } from '@/lib/api/route';
import { json } from '@/lib/api/respond';
import { readJson } from '@/lib/api/read-body';
import { db } from '@/lib/db/prisma';
import { resolveConflict } from '@/lib/review-server/resolve-conflict';
import { resolveConflictSchema } from '@/lib/review-server/review-schemas';

export const POST = authedRoute<{ id: string }>(async (req, { actor, params }) => {
  const input = await readJson(req, resolveConflictSchema);
  return json(await resolveConflict(db, actor, params.id, input));
});
