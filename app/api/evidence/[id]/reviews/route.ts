import { authedRoute } from '@/lib/api/server/route';
import { json } from '@/lib/api/respond';
import { readJson } from '@/lib/api/read-body';
import { db } from '@/lib/db/server/prisma';
import { evidenceReviewSchema } from '@/lib/provenance/evidence-schemas';
import { reviewEvidence } from '@/lib/provenance/server/review-evidence';

export const POST = authedRoute<{ id: string }>(async (req, { actor, params }) => {
  const input = await readJson(req, evidenceReviewSchema);
  return json(await reviewEvidence(db, actor, params.id, input), 201);
});
