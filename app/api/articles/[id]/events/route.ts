import { authedRoute } from '@/lib/api/server/route';
import { db } from '@/lib/db/server/prisma';
import { openArticleStream } from '@/lib/live/server/open-article-stream';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Server-sent events for one article (see lib/live/server/open-article-stream). */
export const GET = authedRoute<{ id: string }>(async (req, { actor, params }) => openArticleStream(db, actor, params.id, req.signal));
