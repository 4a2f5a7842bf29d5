import { json } from '@/lib/api/respond';
import { authedRoute } from '@/lib/api/server/route';
import { db } from '@/lib/db/server/prisma';
import { listSuggestionRules } from '@/lib/suggest/server/list-suggestion-rules';

export const GET = authedRoute(async () => json(await listSuggestionRules(db)));
