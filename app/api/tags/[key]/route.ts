import { authedRoute } from '@/lib/api/server/route';
import { json } from '@/lib/api/respond';
import { readJson } from '@/lib/api/read-body';
import { db } from '@/lib/db/server/prisma';
import { updateTag } from '@/lib/tags/server/update-tag';
import { patchTagSchema } from '@/lib/tags/tag-schemas';

/** ADMIN only: label, color, description, sortOrder (1-based position), archived. */
export const PATCH = authedRoute<{ key: string }>(async (req, { actor, params }) => {
  const patch = await readJson(req, patchTagSchema);
  return json({ tag: await updateTag(db, actor, params.key, patch) });
});
