import { json } from '@/lib/api/respond';
import { readJson } from '@/lib/api/read-body';
import { authedRoute } from '@/lib/api/server/route';
import { confirmAnchorSchema } from '@/lib/annotations/annotation-schemas';
import { confirmAnchor } from '@/lib/annotations/server/confirm-anchor';
import { db } from '@/lib/db/server/prisma';

/** A person accepts a fuzzy re-anchor as is, or moves it to a corrected span → { annotation }. */
export const POST = authedRoute<{ id: string }>(async (req, { actor, params }) => {
  const input = await readJson(req, confirmAnchorSchema);
  return json({ annotation: await confirmAnchor(db, actor, params.id, input) });
});
