import { authedRoute } from '@/lib/api/server/route';
import { json } from '@/lib/api/respond';
import { readJson } from '@/lib/api/read-body';
import { db } from '@/lib/db/server/prisma';
import { createReply } from '@/lib/review/server/create-reply';
import { listReplies } from '@/lib/review/server/list-replies';
import { createReplySchema } from '@/lib/review/review-schemas';

export const GET = authedRoute<{ id: string }>(async (_req, { actor, params }) => json({ replies: await listReplies(db, actor, params.id) }));

export const POST = authedRoute<{ id: string }>(async (req, { actor, params }) => {
  const input = await readJson(req, createReplySchema);
  return json({ reply: await createReply(db, actor, params.id, input) }, 201);
});
