import { authedRoute } from '@/lib/api/server/route';
import { json } from '@/lib/api/respond';
import { readQuery } from '@/lib/api/read-body';
import { db } from '@/lib/db/server/prisma';
import { proposalsQuerySchema } from '@/lib/provenance/evidence-schemas';
import { proposeEvidencePassages } from '@/lib/provenance/server/propose-evidence-passages';

export const GET = authedRoute<{ id: string }>(async (req, { actor, params }) => {
  const { documentId } = readQuery(req, proposalsQuerySchema);
  return json(await proposeEvidencePassages(db, actor, params.id, documentId));
});
