import { readJson } from '@/lib/api/read-body';
import { authedRoute } from '@/lib/api/server/route';
import { db } from '@/lib/db/server/prisma';
import { rejectSuggestion } from '@/lib/suggest/server/reject-suggestion';
import { rejectSuggestionSchema } from '@/lib/suggest/suggest-schemas';

export const POST = authedRoute<{ id: string }>(async (req, { actor, params }) => {
  await rejectSuggestion(db, actor, params.id, await readJson(req, rejectSuggestionSchema));
  return new Response(null, { status: 204 });
});
