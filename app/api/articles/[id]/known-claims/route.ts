import { json } from '@/lib/api/respond';
import { authedRoute } from '@/lib/api/server/route';
import { db } from '@/lib/db/server/prisma';
import { listKnownClaims } from '@/lib/matching/server/list-known-claims';

/** Sentences of this article matching claims reviewed elsewhere → { known, versionId }. */
export const GET = authedRoute<{ id: string }>(async (_req, { actor, params }) => json(await listKnownClaims(db, actor, params.id)));
