import { authedRoute } from '@/lib/api/server/route';
import { currentActor } from '@/lib/auth/server/current-actor';
import { db } from '@/lib/db/server/prisma';
import { openArticleStream, parseSeq } from '@/lib/live/server/open-article-stream';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * Server-sent events for one article (see lib/live/server/open-article-stream). A reconnect's
 * `Last-Event-ID` (the last sequence number received) wins over `?since=` (the sequence number of
 * the list the page loaded, on the first connect).
 */
export const GET = authedRoute<{ id: string }>(async (req, { actor, params }) => {
  const after = parseSeq(req.headers.get('last-event-id')) ?? parseSeq(new URL(req.url).searchParams.get('since'));
  // The credential is checked again at every ping: a stream ends when its session or token does.
  const stillAllowed = async () => (await currentActor(req.headers))?.actor.id === actor.id;
  return openArticleStream(db, actor, params.id, req.signal, { after, stillAllowed });
});
