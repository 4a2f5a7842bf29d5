import { authedRoute } from '@/lib/api/server/route';
import { json } from '@/lib/api/respond';
import { readJson } from '@/lib/api/read-body';
import { db } from '@/lib/db/server/prisma';
import { listReviews } from '@/lib/review/server/list-reviews';
import { reviewInputSchema } from '@/lib/review/review-schemas';
import { submitReview } from '@/lib/review/server/submit-review';

/** Every verdict (current and superseded, oldest first) and whether I may give one. */
export const GET = authedRoute<{ id: string }>(async (_req, { actor, params }) => json(await listReviews(db, actor, params.id)));

/** My verdict: supersedes my previous one and re-derives the status → 201 { review, annotation }. */
export const POST = authedRoute<{ id: string }>(async (req, { actor, params }) => {
  const input = await readJson(req, reviewInputSchema);
  return json(await submitReview(db, actor, params.id, input), 201);
});
