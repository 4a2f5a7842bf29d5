import { authedRoute } from '@/lib/api/server/route';
import { json } from '@/lib/api/respond';
import { readJson } from '@/lib/api/read-body';
import { db } from '@/lib/db/server/prisma';
import { deleteReply } from '@/lib/review/server/delete-reply';
import { updateReplySchema } from '@/lib/review/review-schemas';
import { updateReply } from '@/lib/review/server/update-reply';

export const PATCH = authedRoute<{ id: string }>(async (req, { actor, params }) => {
  const { body } = await readJson(req, updateReplySchema);
  return json({ reply: await updateReply(db, actor, params.id, body) });
});

export const DELETE = authedRoute<{ id: string }>(async (_req, { actor, params }) => {
  await deleteReply(db, actor, params.id);
  return new Response(null, { status: 204 });
});
