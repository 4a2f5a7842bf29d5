import { json } from '@/lib/api/respond';
import { readJson } from '@/lib/api/read-body';
import { authedRoute } from '@/lib/api/server/route';
import { db } from '@/lib/db/server/prisma';
import { updateUser } from '@/lib/users/server/manage-users';
import { updateUserSchema } from '@/lib/users/user-schemas';

export const PATCH = authedRoute<{ id: string }>(async (req, { actor, params }) => {
  const input = await readJson(req, updateUserSchema);
  return json({ user: await updateUser(db, actor, params.id, input) });
});
