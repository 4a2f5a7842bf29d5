import { authedRoute } from '@/lib/api/server/route';
import { json } from '@/lib/api/respond';
import { readJson } from '@/lib/api/read-body';
import { db } from '@/lib/db/server/prisma';
import { getDeskSettings } from '@/lib/review/server/get-desk-settings';
import { deskSettingsPatchSchema } from '@/lib/review/review-schemas';
import { updateDeskSettings } from '@/lib/review/server/update-desk-settings';

export const GET = authedRoute(async () => json({ desk: await getDeskSettings(db) }));

/** ADMIN only: desk name and whether analysts review each other (peer review). */
export const PATCH = authedRoute(async (req, { actor }) => {
  const patch = await readJson(req, deskSettingsPatchSchema);
  return json({ desk: await updateDeskSettings(db, actor, patch) });
});
