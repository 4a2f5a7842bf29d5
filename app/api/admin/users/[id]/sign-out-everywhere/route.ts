import { json } from '@/lib/api/respond';
import { authedRoute } from '@/lib/api/server/route';
import { db } from '@/lib/db/server/prisma';
import { signOutEverywhere } from '@/lib/users/server/manage-users';

// Admin only: ends every session cookie and revokes every API token of the user.
export const POST = authedRoute<{ id: string }>(async (_req, { actor, params }) => json({ user: await signOutEverywhere(db, actor, params.id) }));
