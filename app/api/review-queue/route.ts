import { authedRoute } from '@/lib/api/server/route';
import { json } from '@/lib/api/respond';
import { readQuery } from '@/lib/api/read-body';
import { db } from '@/lib/db/server/prisma';
import { listReviewQueue } from '@/lib/review/server/list-review-queue';
import { reviewQueueQuerySchema } from '@/lib/review/review-schemas';

export const GET = authedRoute(async (req, { actor }) => json(await listReviewQueue(db, actor, readQuery(req, reviewQueueQuerySchema))));
