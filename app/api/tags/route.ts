import { authedRoute } from '@/lib/api/server/route';
import { json } from '@/lib/api/respond';
import { readJson } from '@/lib/api/read-body';
import { db } from '@/lib/db/server/prisma';
import { createTag } from '@/lib/tags/server/create-tag';
import { listSourceTags } from '@/lib/tags/server/list-source-tags';
import { createTagSchema } from '@/lib/tags/tag-schemas';

/** Every tag in the desk's order, archived ones last and flagged (old annotations still show them). */
export const GET = authedRoute(async () => json({ tags: await listSourceTags(db) }));

/** ADMIN only. */
export const POST = authedRoute(async (req, { actor }) => {
  const input = await readJson(req, createTagSchema);
  return json({ tag: await createTag(db, actor, input) }, 201);
});
