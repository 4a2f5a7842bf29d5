import 'server-only';
import { randomUUID } from 'node:crypto';
import type { Tx } from '@/lib/db/server/prisma';
import type { LiveEvent, LiveEventType } from '@/lib/live/live-event';
import { LIVE_CHANNEL } from '@/lib/live/channel';

/**
 * Queues a live event with pg_notify inside the writing transaction: Postgres delivers it to every
 * app instance's LISTEN connection only if the transaction commits.
 */
export async function publishLiveEvent(
  tx: Tx,
  event: { type: LiveEventType; articleId: string; id: string; annotationId?: string; actorId: string },
): Promise<LiveEvent> {
  const full: LiveEvent = { eventId: randomUUID(), at: new Date().toISOString(), ...event };
  await tx.$executeRaw`SELECT pg_notify(${LIVE_CHANNEL}, ${JSON.stringify(full)})`;
  return full;
}
