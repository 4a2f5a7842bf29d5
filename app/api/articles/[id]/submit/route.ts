import { authedRoute } from '@/lib/api/server/route';
import { json } from '@/lib/api/respond';
import { readQuery } from '@/lib/api/read-body';
import { db } from '@/lib/db/server/prisma';
import { reopenQuerySchema } from '@/lib/assignments/assignment-schemas';
import { reopenSubmissions, submitAssignment } from '@/lib/assignments/server/submit-assignment';

/** An assignee: "Submit my annotation". */
export const POST = authedRoute<{ id: string }>(async (_req, { actor, params }) => json(await submitAssignment(db, actor, params.id)));

/** Reviewer or admin: reopen one assignee's submission (?user=) or all. */
export const DELETE = authedRoute<{ id: string }>(async (req, { actor, params }) => {
  const { user } = readQuery(req, reopenQuerySchema);
  return json(await reopenSubmissions(db, actor, params.id, user));
});
