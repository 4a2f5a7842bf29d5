import { json } from '@/lib/api/respond';
import { readQuery } from '@/lib/api/read-body';
import { authedRoute } from '@/lib/api/server/route';
import { db } from '@/lib/db/server/prisma';
import { matchesQuerySchema } from '@/lib/matching/matching-schemas';
import { getClaimMatches } from '@/lib/matching/server/get-claim-matches';

/** Claims in other articles asserting the same fact → { matches } (best first, only what the caller may read). */
export const GET = authedRoute<{ id: string }>(async (req, { actor, params }) => {
  const { limit } = readQuery(req, matchesQuerySchema);
  return json({ matches: await getClaimMatches(db, actor, params.id, { limit }) });
});
