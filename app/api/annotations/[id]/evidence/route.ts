import { authedRoute } from '@/lib/api/server/route';
import { json } from '@/lib/api/respond';
import { readJson } from '@/lib/api/read-body';
import { db } from '@/lib/db/server/prisma';
import { createEvidenceSchema } from '@/lib/provenance/evidence-schemas';
import { createEvidence } from '@/lib/provenance/server/create-evidence';
import { listEvidence } from '@/lib/provenance/server/list-evidence';

export const GET = authedRoute<{ id: string }>(async (_req, { actor, params }) => json({ evidence: await listEvidence(db, actor, params.id) }));

export const POST = authedRoute<{ id: string }>(async (req, { actor, params }) => {
  const input = await readJson(req, createEvidenceSchema);
  return json(await createEvidence(db, actor, params.id, input), 201);
});
