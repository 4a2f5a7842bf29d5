import { authedRoute } from '@/lib/api/server/route';
import { json } from '@/lib/api/respond';
import { db } from '@/lib/db/server/prisma';
import { computeArticleAgreement } from '@/lib/review/server/compute-article-agreement';

export const GET = authedRoute<{ id: string }>(async (_req, { actor, params }) => json(await computeArticleAgreement(db, actor, params.id)));
