import 'server-only';
import type { Db } from '@/lib/db/server/prisma';
import type { LiveEvent } from '@/lib/live/live-event';
import { isLiveEvent } from '@/lib/live/notify-payload';

/** Reads of the article sequence and the replay log (LiveEvent, written by publish.ts). */
export type LiveLog = {
  /** The article's latest sequence number (0 before its first event). */
  currentSeq(articleId: string): Promise<number>;
  /** Logged events with after < seq ≤ upTo, in order, at most `limit`. */
  eventsAfter(articleId: string, after: number, options?: { upTo?: number; limit?: number }): Promise<LiveEvent[]>;
};

export function prismaLiveLog(db: Db): LiveLog {
  return {
    async currentSeq(articleId) {
      const row = await db.liveSequence.findUnique({ where: { articleId }, select: { seq: true } });
      return row?.seq ?? 0;
    },
    async eventsAfter(articleId, after, { upTo, limit = 1_000 } = {}) {
      const rows = await db.liveEvent.findMany({
        where: { articleId, seq: { gt: after, ...(upTo === undefined ? {} : { lte: upTo }) } },
        orderBy: { seq: 'asc' },
        take: limit,
        select: { payload: true },
      });
      return rows.map((r) => r.payload).filter(isLiveEvent);
    },
  };
}
