import 'server-only';
import { notFound } from '@/lib/api/app-error';
import type { Actor } from '@/lib/core/actor';
import type { Db } from '@/lib/db/server/prisma';
import { sseMessage } from '@/lib/live/sse';
import { getLiveHub, type LiveHub } from '@/lib/live/server/subscribe';

export const SSE_RETRY_MS = 2_000;
export const SSE_PING_MS = 15_000;
/** Chunks queued for a client that does not read; past this the stream is closed and it reconnects. */
const MAX_QUEUED = 1_000;

/**
 * A `text/event-stream` of one article's live events for a signed-in user: `retry` first, each
 * event as `event: <type>` / `id: <eventId>` / `data: <LiveEvent>`, `presence` ({ viewers }) when the
 * number of open streams changes, and a comment every 15 s so proxies keep the connection open.
 * Ends when the client goes away (the request's signal aborts) or the reader cancels.
 */
export async function openArticleStream(
  db: Db,
  _actor: Actor,
  articleId: string,
  signal: AbortSignal,
  { hub = getLiveHub(), pingMs = SSE_PING_MS }: { hub?: LiveHub; pingMs?: number } = {},
): Promise<Response> {
  // Every signed-in user may read every article, so existence is the only check.
  const article = await db.article.findUnique({ where: { id: articleId }, select: { id: true } });
  if (!article) throw notFound('The article');

  const encoder = new TextEncoder();
  let close = () => undefined as void;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      let unsubscribe: (() => void) | null = null;
      let ping: ReturnType<typeof setInterval> | null = null;
      close = () => {
        if (closed) return;
        closed = true;
        if (ping) clearInterval(ping);
        unsubscribe?.();
        signal.removeEventListener('abort', close);
        try {
          controller.close();
        } catch {
          // Already closed or errored by the reader.
        }
      };
      const send = (chunk: string) => {
        if (closed) return;
        if (controller.desiredSize !== null && controller.desiredSize < -MAX_QUEUED) return close();
        try {
          controller.enqueue(encoder.encode(chunk));
        } catch {
          close();
        }
      };
      send(`retry: ${SSE_RETRY_MS}\n\n`);
      if (signal.aborted) return close();
      signal.addEventListener('abort', close);
      unsubscribe = hub.subscribe(articleId, {
        onEvent: (event) => send(sseMessage(event.type, event, event.eventId)),
        onPresence: (viewers) => send(sseMessage('presence', { viewers })),
      });
      ping = setInterval(() => send(': ping\n\n'), pingMs);
    },
    cancel() {
      close();
    },
  });
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    },
  });
}
