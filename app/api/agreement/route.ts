import { authedRoute } from '@/lib/api/server/route';
import { json } from '@/lib/api/respond';
import { readQuery } from '@/lib/api/read-body';
import { deskAgreementQuerySchema } from '@/lib/agreement/agreement-schemas';
import { db } from '@/lib/db/server/prisma';
import { computeDeskAgreement } from '@/lib/review/server/compute-desk-agreement';

export const GET = authedRoute(async (req, { actor }) => json(await computeDeskAgreement(db, actor, readQuery(req, deskAgreementQuerySchema))));
