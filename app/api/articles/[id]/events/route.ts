import { authedRoute } from '@/lib/api/route';
import { db } from '@/lib/db/prisma';
import { openArticleStream } from '@/lib/live/open-article-stream';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Server-sent events for one article (see lib/live/open-article-stream). */
export const GET = authedRoute<{ id: string }>(async (req, { actor, params }) => openArticleStream(db, actor, params.id, req.signal));
