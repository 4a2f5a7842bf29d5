import { authedRoute } from '@/lib/api/server/route';
import { json } from '@/lib/api/respond';
import { readJson } from '@/lib/api/read-body';
import { db } from '@/lib/db/server/prisma';
import { regradeAnnotation } from '@/lib/review/server/regrade-annotation';
import { gradeInputSchema } from '@/lib/review/review-schemas';

export const PATCH = authedRoute<{ id: string }>(async (req, { actor, params }) => {
  const input = await readJson(req, gradeInputSchema);
  return json({ annotation: await regradeAnnotation(db, actor, params.id, input) });
});
