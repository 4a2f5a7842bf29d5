import 'server-only';
import { randomUUID } from 'node:crypto';
import type { Tx } from '@/lib/db/server/prisma';
import { LIVE_CHANNEL } from '@/lib/live/channel';
import type { LiveEvent, LiveEventInput } from '@/lib/live/live-event';

/**
 * Queues live events with pg_notify inside the writing transaction: Postgres delivers them to every
 * app instance's LISTEN connection only if the transaction commits. Called by runWrite only.
 */
export async function publishLiveEvents(tx: Tx, events: readonly LiveEventInput[]): Promise<LiveEvent[]> {
  const at = new Date().toISOString();
  const full = events.map((event): LiveEvent => ({ eventId: randomUUID(), at, ...event }));
  for (const event of full) await tx.$executeRaw`SELECT pg_notify(${LIVE_CHANNEL}, ${JSON.stringify(event)})`;
  return full;
}
