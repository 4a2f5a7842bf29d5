import { authedRoute } from '@/lib/api/server/route';
import { json } from '@/lib/api/respond';
import { readJson } from '@/lib/api/read-body';
import { db } from '@/lib/db/server/prisma';
import { createUser, listUsers } from '@/lib/users/server/manage-users';
import { createUserSchema } from '@/lib/users/user-schemas';

export const GET = authedRoute(async (_req, { actor }) => json({ users: await listUsers(db, actor) }));

export const POST = authedRoute(async (req, { actor }) => {
  const input = await readJson(req, createUserSchema);
  return json({ user: await createUser(db, actor, input) }, 201);
});
