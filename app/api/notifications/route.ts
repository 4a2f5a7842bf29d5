import { authedRoute } from '@/lib/api/server/route';
import { json } from '@/lib/api/respond';
import { db } from '@/lib/db/server/prisma';
import { listNotifications, markNotificationsSeen } from '@/lib/notifications/server/list-notifications';

export const GET = authedRoute(async (_req, { actor }) => json(await listNotifications(db, actor)));

/** Marks everything up to now as seen. */
export const POST = authedRoute(async (_req, { actor }) => {
  await markNotificationsSeen(db, actor);
  return json({ ok: true });
});
