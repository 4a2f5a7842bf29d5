import { authedRoute } from '@/lib/api/server/route';
import { json } from '@/lib/api/respond';

export const GET = authedRoute(async (_req, { actor }) => json({ user: actor }));
