import { authedRoute } from '@/lib/api/server/route';
import { json } from '@/lib/api/respond';
import { readJson } from '@/lib/api/read-body';
import { db } from '@/lib/db/server/prisma';
import { curationDecisionSchema } from '@/lib/curation/curation-schemas';
import { decideCuration } from '@/lib/curation/server/decide-curation';
import { loadCuration } from '@/lib/curation/server/load-curation';

/** Reviewer or admin: the units to adjudicate. */
export const GET = authedRoute<{ id: string }>(async (_req, { actor, params }) => json(await loadCuration(db, actor, params.id)));

/** Reviewer or admin: accept / edit / reject a unit, or accept every agreed unit. */
export const POST = authedRoute<{ id: string }>(async (req, { actor, params }) => json(await decideCuration(db, actor, params.id, await readJson(req, curationDecisionSchema)), 201));
