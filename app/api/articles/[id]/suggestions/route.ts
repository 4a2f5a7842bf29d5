import { json } from '@/lib/api/respond';
import { authedRoute } from '@/lib/api/server/route';
import { db } from '@/lib/db/server/prisma';
import { listSuggestions } from '@/lib/suggest/server/list-suggestions';

export const GET = authedRoute<{ id: string }>(async (_req, { actor, params }) => json(await listSuggestions(db, actor, params.id)));
