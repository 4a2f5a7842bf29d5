import { authedRoute } from '@/lib/api/server/route';
import { json } from '@/lib/api/respond';
import { readJson } from '@/lib/api/read-body';
import { db } from '@/lib/db/server/prisma';
import { updateEvidenceSchema } from '@/lib/provenance/evidence-schemas';
import { deleteEvidence } from '@/lib/provenance/server/delete-evidence';
import { updateEvidence } from '@/lib/provenance/server/update-evidence';

export const PATCH = authedRoute<{ id: string }>(async (req, { actor, params }) => {
  const input = await readJson(req, updateEvidenceSchema);
  return json(await updateEvidence(db, actor, params.id, input));
});

export const DELETE = authedRoute<{ id: string }>(async (_req, { actor, params }) => {
  await deleteEvidence(db, actor, params.id);
  return new Response(null, { status: 204 });
});
