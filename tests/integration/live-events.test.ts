// Live updates against a real Postgres: the LiveHub (LISTEN/NOTIFY + in-process bus, one ordered
// feed per article), the SSE route read as a browser would (AbortController for the disconnect,
// Last-Event-ID for a reconnect), what each viewer is allowed to receive, and the replay log.
import pg from 'pg';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as articlesRoute from '@/app/api/articles/route';
import * as articleRoute from '@/app/api/articles/[id]/route';
import * as eventsRoute from '@/app/api/articles/[id]/events/route';
import * as annotationsRoute from '@/app/api/articles/[id]/annotations/route';
import * as annotationRoute from '@/app/api/annotations/[id]/route';
import * as restoreRoute from '@/app/api/annotations/[id]/restore/route';
import * as repliesRoute from '@/app/api/annotations/[id]/replies/route';
import * as reviewsRoute from '@/app/api/annotations/[id]/reviews/route';
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import { getDb } from '@/lib/db/server/prisma';
import { LIVE_CHANNEL } from '@/lib/live/channel';
import { notifyPayload } from '@/lib/live/notify-payload';
import type { LiveEvent } from '@/lib/live/live-event';
import { openArticleStream } from '@/lib/live/server/open-article-stream';
import { LIVE_BULK_LIMIT, publishLiveEvents } from '@/lib/live/server/publish';
import type { LiveLog } from '@/lib/live/server/live-log';
import { getLiveHub, LiveHub, stopLiveHub } from '@/lib/live/server/subscribe';
import { callRoute } from '@/tests/support/call-route';
import { createAnnotation, createTestUser, resetDatabase, type TestUser } from '@/tests/support/fixtures';
import { SseReader } from '@/tests/support/sse-reader';
import type { AnnotationBody, ArticleBody, CreatedArticleBody } from '@/tests/support/route-bodies';

const TEXT = ['Live test article', 'Officials said the truce held overnight in the northern districts.', 'Analysts expect the talks to resume next week in Doha.'].join('\n');

/** Opens the SSE route like a browser tab; abort() is the tab going away. */
async function openStream(user: TestUser, articleId: string, { lastEventId, since }: { lastEventId?: number; since?: number } = {}) {
  const controller = new AbortController();
  const headers: Record<string, string> = { host: 'localhost:3000', authorization: `Bearer ${user.token}`, accept: 'text/event-stream' };
  if (lastEventId !== undefined) headers['last-event-id'] = String(lastEventId);
  const url = `http://localhost:3000/api/articles/${articleId}/events${since === undefined ? '' : `?since=${since}`}`;
  const res = await eventsRoute.GET(new Request(url, { headers, signal: controller.signal }), { params: Promise.resolve({ id: articleId }) });
  return { res, controller, reader: res.body ? new SseReader(res.body.getReader()) : null };
}

const isChange = (m: { event: string }) => m.event.startsWith('annotation.') || m.event.startsWith('reply.') || m.event.startsWith('review.') || m.event === 'version.created';

/**
 * Publishes a marker the way another app instance's write would (NOTIFY only, no local bus) and
 * waits for it: NOTIFYs arrive in commit order, so afterwards every earlier event has been handled.
 */
async function flushNotify(articleId: string, actorId: string, wait: (event: LiveEvent) => Promise<unknown>) {
  const [marker] = await getDb().$transaction((tx) => publishLiveEvents(tx, actorId, [{ type: 'version.created', articleId, version: { id: 'marker', number: 0 } }]));
  await wait(marker!);
  return marker!;
}

describe('live events', () => {
  let analyst: TestUser;
  let other: TestUser;
  let admin: TestUser;
  let reviewer: TestUser;
  let articleId: string;
  let text: string;
  const streams: AbortController[] = [];

  beforeEach(async () => {
    await resetDatabase();
    analyst = await createTestUser('ANALYST');
    other = await createTestUser('ANALYST');
    admin = await createTestUser('ADMIN');
    reviewer = await createTestUser('REVIEWER');
    const res = await callRoute<CreatedArticleBody>(articlesRoute.POST, '/api/articles', { method: 'POST', token: analyst.token, json: { format: 'text', content: TEXT } });
    articleId = res.data.article.id;
    const got = await callRoute<ArticleBody>(articleRoute.GET, `/api/articles/${articleId}`, { token: analyst.token, params: { id: articleId } });
    text = got.data.version.text;
  });
  afterEach(() => {
    for (const c of streams.splice(0)) c.abort();
  });
  afterAll(async () => {
    await stopLiveHub();
  });

  function createOn(user: TestUser, phrase: string, id = articleId, body = text, key?: string) {
    const start = body.indexOf(phrase);
    if (start < 0) throw new Error(`not in the text: ${phrase}`);
    return callRoute<AnnotationBody>(annotationsRoute.POST, `/api/articles/${id}/annotations`, {
      method: 'POST',
      token: user.token,
      params: { id },
      headers: key ? { 'idempotency-key': key } : {},
      json: { start, end: start + phrase.length, exact: phrase, tag: 'un' },
    });
  }
  const idOf = (res: { data: AnnotationBody }) => res.data.annotation.id;
  const remove = (user: TestUser, id: string) => callRoute(annotationRoute.DELETE, `/api/annotations/${id}`, { method: 'DELETE', token: user.token, params: { id } });
  const patch = (user: TestUser, id: string, json: Record<string, unknown>) => callRoute<AnnotationBody>(annotationRoute.PATCH, `/api/annotations/${id}`, { method: 'PATCH', token: user.token, params: { id }, json });

  describe('LiveHub', () => {
    let hub: LiveHub;
    beforeEach(async () => {
      hub = new LiveHub({ databaseUrl: process.env.DATABASE_URL! });
      await hub.ready();
    });
    afterEach(async () => {
      await hub.stop();
    });

    it('delivers annotation.created once (local bus and NOTIFY deduplicated by number), only to that article', async () => {
      const received: LiveEvent[] = [];
      const elsewhere: LiveEvent[] = [];
      const sub = hub.subscribe(articleId, { onEvent: (e) => received.push(e) });
      hub.subscribe('another-article', { onEvent: (e) => elsewhere.push(e) });
      expect(await sub.ready).toBe(0);

      const res = await createOn(analyst, 'truce held overnight', articleId, text, 'live-key');
      expect(res.status).toBe(201);
      const id = idOf(res);
      // An idempotent replay creates nothing, so it announces nothing.
      expect((await createOn(analyst, 'truce held overnight', articleId, text, 'live-key')).status).toBe(200);
      await flushNotify(articleId, analyst.id, (marker) => expect.poll(() => received.some((e) => e.seq === marker.seq)).toBe(true));

      const created = received.filter((e) => e.type === 'annotation.created');
      expect(created).toHaveLength(1);
      expect(created[0]).toMatchObject({ type: 'annotation.created', seq: 1, articleId, id, annotationId: id, actorId: analyst.id, clientKey: 'live-key' });
      expect((created[0] as { annotation: AnnotationDto }).annotation).toEqual(res.data.annotation);
      expect(received.map((e) => e.seq)).toEqual([1, 2]);
      expect(elsewhere).toEqual([]);

      sub.unsubscribe();
      await createOn(analyst, 'talks to resume');
      await new Promise((r) => setTimeout(r, 200));
      expect(received.filter((e) => e.type === 'annotation.created')).toHaveLength(1);
    });

    it('events committed by another instance arrive through LISTEN/NOTIFY; rolled-back ones never do; garbage is ignored', async () => {
      const received: LiveEvent[] = [];
      await hub.subscribe(articleId, { onEvent: (e) => received.push(e) }).ready;
      const db = getDb();
      const version = (n: number) => ({ type: 'version.created' as const, articleId, version: { id: `v${n}`, number: n } });
      await expect(
        db.$transaction(async (tx) => {
          await publishLiveEvents(tx, other.id, [version(1)]);
          throw new Error('rollback');
        }),
      ).rejects.toThrow('rollback');
      const [committed] = await db.$transaction((tx) => publishLiveEvents(tx, other.id, [version(2)]));
      // The rolled-back number was never taken: numbers stay gapless.
      expect(committed!.seq).toBe(1);
      await expect.poll(() => received.map((e) => e.seq)).toEqual([1]);
      await db.$executeRawUnsafe(`SELECT pg_notify('${LIVE_CHANNEL}', 'not json'), pg_notify('${LIVE_CHANNEL}', '${articleId} 7 {"broken"')`);
      const [after] = await db.$transaction((tx) => publishLiveEvents(tx, other.id, [version(3)]));
      await expect.poll(() => received.map((e) => e.seq)).toEqual([1, after!.seq]);
      expect(received.map((e) => e.id)).toEqual(['v2', 'v3']);
    });

    it('the NOTIFY and the replay log carry exactly the events the write returns, numbered in order', async () => {
      const listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await listener.connect();
      const payloads: string[] = [];
      listener.on('notification', (n) => payloads.push(n.payload ?? ''));
      await listener.query(`LISTEN "${LIVE_CHANNEL}"`);
      try {
        const id = idOf(await createOn(other, 'truce held overnight'));
        const events = await getDb().$transaction((tx) =>
          publishLiveEvents(tx, other.id, [
            { type: 'version.created', articleId, version: { id: 'v-next', number: 2 } },
            { type: 'annotation.updated', articleId, annotationId: id },
          ]),
        );
        expect(events.map((e) => e.seq)).toEqual([2, 3]);
        expect(events[0]).toMatchObject({ type: 'version.created', seq: 2, since: 1 });
        await expect.poll(() => payloads.length).toBe(3);
        // Postgres wrote each number into the JSON: byte for byte what JSON.stringify makes of the returned event.
        expect(payloads.slice(1)).toEqual(events.map((e) => notifyPayload(articleId, e.seq, JSON.stringify(e))));
        const logged = await getDb().liveEvent.findMany({ where: { articleId, seq: { gte: 2 } }, orderBy: { seq: 'asc' } });
        expect(logged.map((l) => l.payload)).toEqual(events.map((e) => JSON.parse(JSON.stringify(e))));
        expect((await getDb().annotation.findUniqueOrThrow({ where: { id } })).liveSeq).toBe(3);
      } finally {
        await listener.end();
      }
    });

    it('an event too large for NOTIFY is read from the log', async () => {
      const received: LiveEvent[] = [];
      await hub.subscribe(articleId, { onEvent: (e) => received.push(e) }).ready;
      // 5,000 three-byte characters: the event is larger than pg_notify's 8,000 bytes. Written the way
      // another instance would (NOTIFY only: no local bus), so the hub must read it from the log.
      const id = idOf(await createOn(other, 'truce held overnight'));
      await getDb().$transaction(async (tx) => {
        await tx.annotation.update({ where: { id }, data: { note: '€'.repeat(5_000) } });
        await publishLiveEvents(tx, other.id, [{ type: 'annotation.updated', articleId, annotationId: id }]);
      });
      await expect.poll(() => received.map((e) => e.type)).toEqual(['annotation.created', 'annotation.updated']);
      expect((received[1] as { annotation: AnnotationDto }).annotation.note).toHaveLength(5_000);
      expect(await getDb().liveEvent.count({ where: { articleId } })).toBe(2);
    });

    it('counts viewers per article and announces presence changes, coalesced to one message per interval', async () => {
      const quick = new LiveHub({ databaseUrl: null, presenceIntervalMs: 300 });
      try {
        const seenByFirst: Array<{ viewers: number; at: number }> = [];
        const first = quick.subscribe(articleId, { onEvent: () => undefined, onPresence: (viewers) => seenByFirst.push({ viewers, at: Date.now() }) });
        const others = Array.from({ length: 49 }, () => quick.subscribe(articleId, { onEvent: () => undefined }));
        quick.subscribe('another-article', { onEvent: () => undefined });
        expect(quick.viewers(articleId)).toBe(50);
        expect(quick.viewers('another-article')).toBe(1);
        // 50 arrivals: one message with the count, not one per arrival.
        await expect.poll(() => seenByFirst.map((p) => p.viewers)).toEqual([50]);
        for (const sub of others.slice(0, 20)) {
          sub.unsubscribe();
          sub.unsubscribe(); // idempotent: must not count twice
        }
        expect(quick.viewers(articleId)).toBe(30);
        await expect.poll(() => seenByFirst.map((p) => p.viewers)).toEqual([50, 30]);
        expect(seenByFirst[1]!.at - seenByFirst[0]!.at).toBeGreaterThanOrEqual(290);
        // A leave and a join within one interval leave the count where it was: nothing is sent.
        others[20]!.unsubscribe();
        quick.subscribe(articleId, { onEvent: () => undefined });
        await new Promise((resolve) => setTimeout(resolve, 400));
        expect(seenByFirst.map((p) => p.viewers)).toEqual([50, 30]);
        first.unsubscribe();
        expect(quick.viewers(articleId)).toBe(29);
      } finally {
        await quick.stop();
      }
    });
  });

  describe('LiveHub ordering (in-process, a fake log)', () => {
    const event = (seq: number): LiveEvent => ({ type: 'version.created', seq, articleId: 'a1', id: `v${seq}`, actorId: 'u', at: new Date(0).toISOString(), since: seq - 1 });
    function fakeLog(current: number, logged: LiveEvent[]): LiveLog & { reads: number } {
      const log = {
        reads: 0,
        currentSeq: async () => current,
        eventsAfter: async (_a: string, after: number, { upTo = Infinity }: { upTo?: number } = {}) => {
          log.reads++;
          return logged.filter((e) => e.seq > after && e.seq <= upTo);
        },
      };
      return log;
    }

    it('hands events on in number order: one that overtakes an earlier one waits for it', async () => {
      const hub = new LiveHub({ databaseUrl: null, log: fakeLog(4, []), gapWaitMs: 5_000 });
      const seqs: number[] = [];
      expect(await hub.subscribe('a1', { onEvent: (e) => seqs.push(e.seq) }).ready).toBe(4);
      hub.dispatch(event(6));
      hub.dispatch(event(4)); // already known: dropped
      expect(seqs).toEqual([]);
      hub.dispatch(event(5));
      hub.dispatch(event(6)); // a duplicate (the other source)
      hub.dispatch(event(7));
      expect(seqs).toEqual([5, 6, 7]);
      await hub.stop();
    });

    it('fills a number that never arrives from the log, and sends a resync when the log no longer has it', async () => {
      const log = fakeLog(1, [event(2), event(3)]);
      const hub = new LiveHub({ databaseUrl: null, log, gapWaitMs: 10 });
      const seqs: number[] = [];
      const gaps: number[] = [];
      await hub.subscribe('a1', { onEvent: (e) => seqs.push(e.seq), onGap: (s) => gaps.push(s) }).ready;
      hub.dispatch(event(4)); // 2 and 3 were lost (a LISTEN reconnect): read from the log
      await expect.poll(() => seqs).toEqual([2, 3, 4]);
      expect(gaps).toEqual([]);
      hub.dispatch(event(9)); // 5..8 are not in the log (pruned): subscribers resync, then go on
      await expect.poll(() => seqs).toEqual([2, 3, 4, 9]);
      expect(gaps).toEqual([8]);
      await hub.stop();
    });

    it('events that arrive before the current number is known are ordered once it is', async () => {
      let release: (n: number) => void = () => undefined;
      const log: LiveLog = { currentSeq: () => new Promise((r) => (release = r)), eventsAfter: async () => [] };
      const hub = new LiveHub({ databaseUrl: null, log, gapWaitMs: 5_000 });
      const seqs: number[] = [];
      const sub = hub.subscribe('a1', { onEvent: (e) => seqs.push(e.seq) });
      hub.dispatch(event(3));
      hub.dispatch(event(2)); // committed before the subscriber's starting point: not for it
      release(2);
      expect(await sub.ready).toBe(2);
      expect(seqs).toEqual([3]);
      await hub.stop();
    });
  });

  describe('SSE route', () => {
    it('each event carries the change in API shape and its number as the SSE id; abort closes the stream', async () => {
      const { res, controller, reader } = await openStream(analyst, articleId);
      streams.push(controller);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
      expect(res.headers.get('cache-control')).toMatch(/no-cache/);
      const first = await reader!.next();
      expect(first).toMatchObject({ event: 'retry' });
      expect(first.retry).toBeGreaterThan(0);
      expect(await reader!.next((m) => m.event === 'presence')).toMatchObject({ data: { viewers: 1 } });
      await getLiveHub().ready();

      const created = await createOn(other, 'truce held overnight', articleId, text, 'other-key');
      expect(created.status).toBe(201);
      const id = idOf(created);
      const message = await reader!.next(isChange);
      expect(message.event).toBe('annotation.created');
      expect(message.id).toBe('1');
      expect(message.data).toMatchObject({ type: 'annotation.created', seq: 1, articleId, id, annotationId: id, actorId: other.id });
      expect((message.data as { annotation: AnnotationDto }).annotation).toEqual(created.data.annotation);
      // Another user's create key never reaches this viewer.
      expect(JSON.stringify(message.data)).not.toContain('other-key');

      expect((await patch(other, id, { revision: 1, note: 'checked' })).status).toBe(200);
      expect(await reader!.next(isChange)).toMatchObject({ event: 'annotation.updated', id: '2', data: { seq: 2, annotation: { id, note: 'checked', revision: 2 } } });
      const reply = await callRoute(repliesRoute.POST, `/api/annotations/${id}/replies`, { method: 'POST', token: analyst.token, params: { id }, json: { body: 'Source?' } });
      expect(reply.status).toBe(201);
      expect(await reader!.next(isChange)).toMatchObject({ event: 'reply.created', data: { annotationId: id, reply: { body: 'Source?' }, annotation: { id, replyCount: 1 } } });
      const review = await callRoute(reviewsRoute.POST, `/api/annotations/${id}/reviews`, { method: 'POST', token: reviewer.token, params: { id }, json: { verdict: 'AGREE' } });
      expect(review.status).toBe(201);
      expect(await reader!.next(isChange)).toMatchObject({ event: 'review.created', data: { review: { verdict: 'AGREE' }, annotation: { id, status: 'CONFIRMED' } } });
      expect((await remove(other, id)).status).toBe(204);
      expect(await reader!.next(isChange)).toMatchObject({ event: 'annotation.deleted', id: '5', data: { id } });
      const restored = await callRoute<AnnotationBody>(restoreRoute.POST, `/api/annotations/${id}/restore`, { method: 'POST', token: other.token, params: { id } });
      expect(restored.status).toBe(200);
      expect(await reader!.next(isChange)).toMatchObject({ event: 'annotation.restored', data: { annotation: { id, deletedAt: null } } });

      // A failed create publishes nothing; the NOTIFY copies of the events above are dropped.
      const refused = await callRoute<AnnotationBody>(annotationsRoute.POST, `/api/articles/${articleId}/annotations`, {
        method: 'POST',
        token: other.token,
        params: { id: articleId },
        json: { start: 0, end: 4, exact: 'Nope', tag: 'un' },
      });
      expect(refused.status).toBe(400);
      const marker = await flushNotify(articleId, other.id, (m) => reader!.next((x) => x.id === String(m.seq)));
      const changes = reader!.seen.filter(isChange);
      expect(changes.map((m) => m.event)).toEqual(['annotation.created', 'annotation.updated', 'reply.created', 'review.created', 'annotation.deleted', 'annotation.restored', 'version.created']);
      expect(changes.map((m) => Number(m.id))).toEqual([1, 2, 3, 4, 5, 6, marker.seq]);

      controller.abort();
      expect(await reader!.ended()).toBe(true);
      expect(getLiveHub().viewers(articleId)).toBe(0);
    });

    it('the author’s own stream gets the create’s key (its tab swaps the optimistic row); nobody else does', async () => {
      const own = await openStream(analyst, articleId);
      const theirs = await openStream(other, articleId);
      streams.push(own.controller, theirs.controller);
      await own.reader!.next((m) => m.event === 'presence');
      await theirs.reader!.next((m) => m.event === 'presence');
      expect((await createOn(analyst, 'truce held overnight', articleId, text, 'my-temp-key')).status).toBe(201);
      expect((await own.reader!.next(isChange)).data).toMatchObject({ clientKey: 'my-temp-key' });
      expect((await theirs.reader!.next(isChange)).data).not.toHaveProperty('clientKey');
    });

    it('a deleted annotation reaches a non-admin as a bare deletion (never its text); an admin gets it in full', async () => {
      const created = await createOn(other, 'truce held overnight');
      const id = idOf(created);
      const viewer = await openStream(analyst, articleId);
      const deskAdmin = await openStream(admin, articleId);
      streams.push(viewer.controller, deskAdmin.controller);
      await viewer.reader!.next((m) => m.event === 'presence');
      await deskAdmin.reader!.next((m) => m.event === 'presence');
      expect((await remove(other, id)).status).toBe(204);

      const seen = await viewer.reader!.next(isChange);
      expect(seen).toMatchObject({ event: 'annotation.deleted', data: { type: 'annotation.deleted', id, annotationId: id, seq: 2 } });
      expect(seen.data).not.toHaveProperty('annotation');
      expect(seen.raw).not.toContain('truce');
      const full = await deskAdmin.reader!.next(isChange);
      expect(full).toMatchObject({ event: 'annotation.deleted', data: { annotation: { id, target: { exact: 'truce held overnight' } } } });
      expect((full.data as { annotation: AnnotationDto }).annotation.deletedAt).not.toBeNull();
    });

    it('Last-Event-ID replays what was missed, folded per annotation; a claim created and deleted meanwhile arrives as a bare deletion', async () => {
      const kept = idOf(await createOn(other, 'truce held overnight'));
      // The viewer saw up to 1, then went away.
      const gone = idOf(await createOn(other, 'talks to resume'));
      expect((await patch(other, kept, { revision: 1, note: 'first' })).status).toBe(200);
      expect((await patch(other, kept, { revision: 2, note: 'second' })).status).toBe(200);
      expect((await remove(other, gone)).status).toBe(204);

      const back = await openStream(analyst, articleId, { lastEventId: 1 });
      streams.push(back.controller);
      await back.reader!.next((m) => m.event === 'presence');
      const replayed = back.reader!.seen.filter(isChange);
      expect(replayed.map((m) => [m.event, m.id])).toEqual([
        ['annotation.updated', '4'],
        ['annotation.deleted', '5'],
      ]);
      expect(replayed[0]!.data).toMatchObject({ replayed: true, annotation: { id: kept, note: 'second' } });
      expect(replayed[1]!.data).toMatchObject({ id: gone, replayed: true });
      expect(replayed[1]!.raw).not.toContain('talks to resume');

      // …and it is live again from there.
      expect((await patch(other, kept, { revision: 3, note: 'third' })).status).toBe(200);
      expect(await back.reader!.next(isChange)).toMatchObject({ id: '6', data: { annotation: { note: 'third' } } });

      // A first connect says where the page's list was with ?since=; Last-Event-ID wins on a reconnect.
      const fresh = await openStream(analyst, articleId, { since: 5 });
      streams.push(fresh.controller);
      await fresh.reader!.next((m) => m.event === 'presence');
      expect(fresh.reader!.seen.filter(isChange).map((m) => m.id)).toEqual(['6']);
    });

    it('a replay that reaches past the kept log, or over a bulk change, is a resync (no id); a number from the future asks for everything', async () => {
      idOf(await createOn(other, 'truce held overnight'));
      await getDb().liveEvent.deleteMany({ where: { articleId, seq: 1 } }); // as pruning would
      idOf(await createOn(other, 'talks to resume'));
      const pruned = await openStream(analyst, articleId, { lastEventId: 0 });
      streams.push(pruned.controller);
      const resync = await pruned.reader!.next((m) => m.event === 'resync');
      expect(resync).toMatchObject({ data: { type: 'resync', since: 0 } });
      expect(resync.id).toBeUndefined();
      expect(pruned.reader!.seen.filter(isChange)).toEqual([]);

      const ahead = await openStream(analyst, articleId, { lastEventId: 99 });
      streams.push(ahead.controller);
      expect(await ahead.reader!.next((m) => m.event === 'resync')).toMatchObject({ data: { since: 99, full: true } });
    });

    it('does not leak events of other articles into a stream', async () => {
      const second = await callRoute<CreatedArticleBody>(articlesRoute.POST, '/api/articles', { method: 'POST', token: analyst.token, json: { format: 'text', content: TEXT.replace('Live test', 'Other') } });
      const otherId = second.data.article.id;
      const { controller, reader } = await openStream(analyst, articleId);
      streams.push(controller);
      await reader!.next((m) => m.event === 'presence');
      expect((await createOn(analyst, 'truce held overnight', otherId, text.replace('Live test', 'Other'))).status).toBe(201);
      await flushNotify(articleId, analyst.id, (m) => reader!.next((x) => x.id === String(m.seq)));
      expect(reader!.seen.filter((m) => m.event.startsWith('annotation.'))).toEqual([]);
    });

    it('a client that stops reading is dropped once its buffer is full (it reconnects and heals from the log)', async () => {
      const controller = new AbortController();
      streams.push(controller);
      const res = await openArticleStream(getDb(), analyst, articleId, controller.signal, { maxBufferedBytes: 4_000 });
      // Nobody reads res.body.
      expect(res.status).toBe(200);
      await expect.poll(() => getLiveHub().viewers(articleId)).toBe(1);
      await getLiveHub().ready();
      const id = idOf(await createOn(other, 'truce held overnight'));
      for (let revision = 1; revision <= 8 && getLiveHub().viewers(articleId) > 0; revision++) {
        expect((await patch(other, id, { revision, note: `round ${revision} ${'x'.repeat(600)}` })).status).toBe(200);
      }
      await expect.poll(() => getLiveHub().viewers(articleId)).toBe(0);
    });

    it("caps one user's streams: the oldest is told `end` and closed, other users' streams stay", async () => {
      const mine = [];
      for (let i = 0; i < 3; i++) {
        const stream = await openStream(analyst, articleId);
        streams.push(stream.controller);
        await stream.reader!.next((m) => m.event === 'presence');
        mine.push(stream);
      }
      const theirs = await openStream(other, articleId);
      streams.push(theirs.controller);
      await theirs.reader!.next((m) => m.event === 'presence');
      const controller = new AbortController();
      streams.push(controller);
      // The fourth of a user allowed three: the first one goes.
      const fourth = await openArticleStream(getDb(), analyst, articleId, controller.signal, { maxStreamsPerUser: 3 });
      expect(fourth.status).toBe(200);
      expect(await mine[0]!.reader!.next((m) => m.event === 'end')).toMatchObject({ data: { reason: 'too-many-streams' } });
      expect(await mine[0]!.reader!.ended()).toBe(true);
      expect(await mine[1]!.reader!.ended(300)).toBe(false);
      expect(await theirs.reader!.ended(300)).toBe(false);
      expect(getLiveHub().viewers(articleId)).toBe(4);
    });

    it('presence reaches each of 200 viewers as a count, at most once a second, however many join', async () => {
      const controllers = Array.from({ length: 200 }, () => new AbortController());
      streams.push(...controllers);
      const viewers = controllers.map((c, i) => ({ c, actor: { id: `viewer-${i}`, name: `Viewer ${i}`, email: `v${i}@x.test`, role: 'ANALYST' as const } }));
      const firstRes = await openArticleStream(getDb(), viewers[0]!.actor, articleId, viewers[0]!.c.signal);
      const first = new SseReader(firstRes.body!.getReader());
      const started = Date.now();
      await Promise.all(viewers.slice(1).map((v) => openArticleStream(getDb(), v.actor, articleId, v.c.signal)));
      expect(getLiveHub().viewers(articleId)).toBe(200);
      await first.next((m) => m.event === 'presence' && (m.data as { viewers: number }).viewers === 200, 5_000);
      const seconds = (Date.now() - started) / 1000;
      const presence = first.seen.filter((m) => m.event === 'presence');
      // Its own count on arrival, then at most one per second (plus one for a partial second).
      expect(presence.length).toBeLessThanOrEqual(2 + Math.ceil(seconds));
      for (const m of presence) expect(Object.keys(m.data as object)).toEqual(['viewers']);
    });

    it('sends keep-alive comments', async () => {
      const controller = new AbortController();
      streams.push(controller);
      const res = await openArticleStream(getDb(), analyst, articleId, controller.signal, { pingMs: 20 });
      const reader = new SseReader(res.body!.getReader());
      expect(await reader.next((m) => m.event === 'comment')).toMatchObject({ comment: 'ping' });
      controller.abort();
      expect(await reader.ended()).toBe(true);
    });

    it('an already-aborted request gets a closed stream and leaves no viewer behind', async () => {
      const controller = new AbortController();
      controller.abort();
      const res = await openArticleStream(getDb(), analyst, articleId, controller.signal);
      const reader = new SseReader(res.body!.getReader());
      expect(await reader.ended()).toBe(true);
      expect(getLiveHub().viewers(articleId)).toBe(0);
    });

    it('401 without credentials, 404 for an unknown article', async () => {
      const anonymous = await eventsRoute.GET(new Request(`http://localhost:3000/api/articles/${articleId}/events`, { headers: { host: 'localhost:3000' } }), {
        params: Promise.resolve({ id: articleId }),
      });
      expect(anonymous.status).toBe(401);
      expect(((await anonymous.json()) as { error: { code: string } }).error.code).toBe('unauthenticated');
      const missing = await openStream(analyst, 'no-such-article');
      expect(missing.res.status).toBe(404);
      expect(getLiveHub().viewers('no-such-article')).toBe(0);
    });
  });

  describe('bulk writes', () => {
    it('more than LIVE_BULK_LIMIT annotation events of one article go out as one annotations.changed, and still reach the claims they were made from', async () => {
      const version = await getDb().articleVersion.findFirstOrThrow({ where: { articleId } });
      const on = { articleId, versionId: version.id, text: version.text };
      // An earlier claim in the demo article; one annotation of the bulk write restates it (matchOf).
      const earlier = await createAnnotation(other, 'Tehreek-e-Taliban Pakistan');
      const restating = await createAnnotation(analyst, 'truce held overnight', { on, data: { matchOfId: earlier.id } });
      const rest = await Promise.all(Array.from({ length: LIVE_BULK_LIMIT }, () => createAnnotation(analyst, 'talks to resume', { on })));
      const ids = [restating.id, ...rest.map((a) => a.id)];

      const events = await getDb().$transaction((tx) => publishLiveEvents(tx, analyst.id, ids.map((annotationId) => ({ type: 'annotation.created' as const, articleId, annotationId }))));
      const here = events.filter((e) => e.articleId === articleId);
      expect(here).toHaveLength(1);
      expect(here[0]).toMatchObject({ type: 'annotations.changed', since: here[0]!.seq - 1 });
      // The earlier claim's matchedByCount changed: its own article's viewers are told, with the object.
      const dependent = events.find((e) => e.articleId === earlier.articleId);
      expect(dependent).toMatchObject({ type: 'annotation.updated', annotationId: earlier.id, annotation: { id: earlier.id, matchedByCount: 1 } });
      // Every annotation of the bulk write is marked changed at its number: ?since= hands them out.
      const marked = await getDb().annotation.count({ where: { id: { in: ids }, liveSeq: here[0]!.seq } });
      expect(marked).toBe(ids.length);
    });
  });
});
