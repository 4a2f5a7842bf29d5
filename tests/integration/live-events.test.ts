// Live updates against a real Postgres: the LiveHub (LISTEN/NOTIFY + in-process bus, deduplicated)
// and the SSE route read as a browser would, with an AbortController for the disconnect.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import * as articlesRoute from '@/app/api/articles/route';
import * as articleRoute from '@/app/api/articles/[id]/route';
import * as eventsRoute from '@/app/api/articles/[id]/events/route';
import * as annotationsRoute from '@/app/api/articles/[id]/annotations/route';
import * as annotationRoute from '@/app/api/annotations/[id]/route';
import { getDb, type Tx } from '@/lib/db/server/prisma';
import { LIVE_CHANNEL } from '@/lib/live/channel';
import type { LiveEvent, LiveEventInput } from '@/lib/live/live-event';
import { openArticleStream } from '@/lib/live/server/open-article-stream';
import { publishLiveEvents } from '@/lib/live/server/publish';
import { getLiveHub, LiveHub, stopLiveHub } from '@/lib/live/server/subscribe';
import { callRoute } from '@/tests/support/call-route';
import { createTestUser, resetDatabase, type TestUser } from '@/tests/support/fixtures';

/** One event published as another app instance's write would (NOTIFY only, no local bus). */
const publishLiveEvent = (tx: Tx, event: LiveEventInput) => publishLiveEvents(tx, [event]).then(([published]) => published!);

const TEXT = ['Live test article', 'Officials said the truce held overnight in the northern districts.', 'Analysts expect the talks to resume next week in Doha.'].join('\n');

type SseMessage = { event: string; id?: string; data: unknown; comment?: string; retry?: number };

/** Reads an SSE byte stream message by message (as EventSource would parse it). */
class SseReader {
  private buffer = '';
  private readonly decoder = new TextDecoder();
  readonly seen: SseMessage[] = [];
  done = false;

  constructor(private readonly reader: ReadableStreamDefaultReader<Uint8Array>) {}

  /** The next message matching `predicate` (earlier ones are kept in `seen`); fails after `ms`. */
  async next(predicate: (m: SseMessage) => boolean = () => true, ms = 5_000): Promise<SseMessage> {
    const deadline = Date.now() + ms;
    for (;;) {
      const message = this.take();
      if (message) {
        if (predicate(message)) return message;
        continue;
      }
      if (this.done) throw new Error(`stream ended before the expected message; saw ${JSON.stringify(this.seen)}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching message within ${ms} ms; saw ${JSON.stringify(this.seen)}`);
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), left)));
      const chunk = await Promise.race([this.reader.read(), timeout]);
      clearTimeout(timer);
      if (chunk === 'timeout') continue;
      if (chunk.done) this.done = true;
      else this.buffer += this.decoder.decode(chunk.value, { stream: true });
    }
  }

  /** Resolves true once the stream has ended (everything before it is parsed into `seen`). */
  async ended(ms = 5_000): Promise<boolean> {
    try {
      await this.next(() => false, ms);
    } catch {
      // ended or timed out
    }
    return this.done;
  }

  private take(): SseMessage | null {
    const end = this.buffer.indexOf('\n\n');
    if (end < 0) return null;
    const block = this.buffer.slice(0, end);
    this.buffer = this.buffer.slice(end + 2);
    const message: SseMessage = { event: 'message', data: null };
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) message.comment = line.slice(1).trim();
      else if (line.startsWith('event: ')) message.event = line.slice(7);
      else if (line.startsWith('id: ')) message.id = line.slice(4);
      else if (line.startsWith('data: ')) data.push(line.slice(6));
      else if (line.startsWith('retry: ')) message.retry = Number(line.slice(7));
    }
    if (data.length) message.data = JSON.parse(data.join('\n'));
    if (message.comment !== undefined) message.event = 'comment';
    else if (message.retry !== undefined && !data.length) message.event = 'retry';
    this.seen.push(message);
    return message;
  }
}

/** Opens the SSE route like a browser tab; abort() is the tab going away. */
async function openStream(user: TestUser, articleId: string) {
  const controller = new AbortController();
  const req = new Request(`http://localhost:3000/api/articles/${articleId}/events`, {
    headers: { host: 'localhost:3000', authorization: `Bearer ${user.token}`, accept: 'text/event-stream' },
    signal: controller.signal,
  });
  const res = await eventsRoute.GET(req, { params: Promise.resolve({ id: articleId }) });
  return { res, controller, reader: res.body ? new SseReader(res.body.getReader()) : null };
}

/**
 * Sends a marker straight through NOTIFY (bypassing the in-process bus) and waits for it: NOTIFYs
 * arrive in commit order, so afterwards every earlier NOTIFY has been delivered (and deduplicated).
 */
async function flushNotify(articleId: string, actorId: string, wait: (event: LiveEvent) => Promise<unknown>) {
  const marker = await getDb().$transaction((tx) => publishLiveEvent(tx, { type: 'version.created', articleId, id: `marker-${randomUUID()}`, actorId }));
  await wait(marker);
  return marker;
}

describe('live events', () => {
  let analyst: TestUser;
  let other: TestUser;
  let articleId: string;
  let text: string;
  const streams: AbortController[] = [];

  beforeEach(async () => {
    await resetDatabase();
    analyst = await createTestUser('ANALYST');
    other = await createTestUser('ANALYST');
    const res = await callRoute(articlesRoute.POST, '/api/articles', { method: 'POST', token: analyst.token, json: { format: 'text', content: TEXT } });
    articleId = (res.data.article as { id: string }).id;
    const got = await callRoute(articleRoute.GET, `/api/articles/${articleId}`, { token: analyst.token, params: { id: articleId } });
    text = (got.data.version as { text: string }).text;
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
    return callRoute(annotationsRoute.POST, `/api/articles/${id}/annotations`, {
      method: 'POST',
      token: user.token,
      params: { id },
      headers: key ? { 'idempotency-key': key } : {},
      json: { start, end: start + phrase.length, exact: phrase, tag: 'un' },
    });
  }

  describe('LiveHub', () => {
    let hub: LiveHub;
    beforeEach(async () => {
      hub = new LiveHub({ databaseUrl: process.env.DATABASE_URL! });
      await hub.ready();
    });
    afterEach(async () => {
      await hub.stop();
    });

    it('delivers annotation.created once (local bus and NOTIFY deduplicated), only to that article', async () => {
      const received: LiveEvent[] = [];
      const elsewhere: LiveEvent[] = [];
      const unsubscribe = hub.subscribe(articleId, { onEvent: (e) => received.push(e) });
      hub.subscribe('another-article', { onEvent: (e) => elsewhere.push(e) });

      const res = await createOn(analyst, 'truce held overnight', articleId, text, 'live-key');
      expect(res.status).toBe(201);
      const id = (res.data.annotation as { id: string }).id;
      // An idempotent replay creates nothing, so it announces nothing.
      expect((await createOn(analyst, 'truce held overnight', articleId, text, 'live-key')).status).toBe(200);
      await flushNotify(articleId, analyst.id, (marker) => expect.poll(() => received.some((e) => e.eventId === marker.eventId)).toBe(true));

      const created = received.filter((e) => e.type === 'annotation.created');
      expect(created).toHaveLength(1);
      expect(created[0]).toMatchObject({ type: 'annotation.created', articleId, id, annotationId: id, actorId: analyst.id });
      expect(elsewhere).toEqual([]);

      unsubscribe();
      await createOn(analyst, 'talks to resume');
      await flushNotify(articleId, analyst.id, async () => new Promise((r) => setTimeout(r, 200)));
      expect(received.filter((e) => e.type === 'annotation.created')).toHaveLength(1);
    });

    it('events committed by another instance arrive through LISTEN/NOTIFY; rolled-back ones never do', async () => {
      const received: LiveEvent[] = [];
      hub.subscribe(articleId, { onEvent: (e) => received.push(e) });
      // Another app instance: only NOTIFY reaches this one (no emitAfterCommit here).
      await expect(
        getDb().$transaction(async (tx) => {
          await publishLiveEvent(tx, { type: 'annotation.deleted', articleId, id: 'rolled-back', actorId: other.id });
          throw new Error('rollback');
        }),
      ).rejects.toThrow('rollback');
      const committed = await getDb().$transaction((tx) => publishLiveEvent(tx, { type: 'annotation.updated', articleId, id: 'remote-1', actorId: other.id }));
      await expect.poll(() => received.map((e) => e.eventId)).toContain(committed.eventId);
      expect(received.map((e) => e.id)).toEqual(['remote-1']);
      // Raw garbage on the channel is ignored, not crashing the hub.
      await getDb().$executeRawUnsafe(`SELECT pg_notify('${LIVE_CHANNEL}', 'not json')`);
      const after = await getDb().$transaction((tx) => publishLiveEvent(tx, { type: 'annotation.updated', articleId, id: 'remote-2', actorId: other.id }));
      await expect.poll(() => received.map((e) => e.eventId)).toContain(after.eventId);
      expect(received.map((e) => e.id)).toEqual(['remote-1', 'remote-2']);
    });

    it('counts viewers per article and announces presence changes', async () => {
      const seenByFirst: number[] = [];
      const off1 = hub.subscribe(articleId, { onEvent: () => undefined, onPresence: (n) => seenByFirst.push(n) });
      const off2 = hub.subscribe(articleId, { onEvent: () => undefined });
      hub.subscribe('another-article', { onEvent: () => undefined });
      expect(hub.viewers(articleId)).toBe(2);
      expect(hub.viewers('another-article')).toBe(1);
      off2();
      off2(); // idempotent: must not count twice
      expect(hub.viewers(articleId)).toBe(1);
      expect(seenByFirst).toEqual([1, 2, 1]);
      off1();
      expect(hub.viewers(articleId)).toBe(0);
    });
  });

  describe('SSE route', () => {
    it('streams annotation.created/updated/deleted with the annotation id; abort closes the stream', async () => {
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

      const created = await createOn(other, 'truce held overnight');
      expect(created.status).toBe(201);
      const id = (created.data.annotation as { id: string }).id;
      const message = await reader!.next((m) => m.event !== 'presence' && m.event !== 'comment');
      expect(message.event).toBe('annotation.created');
      expect(message.data).toMatchObject({ type: 'annotation.created', articleId, id, actorId: other.id });
      expect(message.id).toBe((message.data as LiveEvent).eventId);
      // Ids only: the stream never carries the annotation's content.
      expect(JSON.stringify(message.data)).not.toContain('truce');

      const patched = await callRoute(annotationRoute.PATCH, `/api/annotations/${id}`, { method: 'PATCH', token: other.token, params: { id }, json: { revision: 1, note: 'n' } });
      expect(patched.status).toBe(200);
      expect(await reader!.next((m) => m.event.startsWith('annotation.'))).toMatchObject({ event: 'annotation.updated', data: { id } });
      const deleted = await callRoute(annotationRoute.DELETE, `/api/annotations/${id}`, { method: 'DELETE', token: other.token, params: { id } });
      expect(deleted.status).toBe(204);
      expect(await reader!.next((m) => m.event.startsWith('annotation.'))).toMatchObject({ event: 'annotation.deleted', data: { id } });

      // A failed create publishes nothing; the NOTIFY copies of the three events above are dropped.
      const refused = await callRoute(annotationsRoute.POST, `/api/articles/${articleId}/annotations`, {
        method: 'POST',
        token: other.token,
        params: { id: articleId },
        json: { start: 0, end: 4, exact: 'Nope', tag: 'un' },
      });
      expect(refused.status).toBe(400);
      const marker = await flushNotify(articleId, other.id, (m) => reader!.next((x) => x.id === m.eventId));
      const annotationEvents = reader!.seen.filter((m) => m.event.startsWith('annotation.'));
      expect(annotationEvents.map((m) => m.event)).toEqual(['annotation.created', 'annotation.updated', 'annotation.deleted']);
      expect(reader!.seen.at(-1)?.id).toBe(marker.eventId);

      controller.abort();
      expect(await reader!.ended()).toBe(true);
      expect(getLiveHub().viewers(articleId)).toBe(0);
    });

    it('presence counts open streams and drops when a tab goes away', async () => {
      const a = await openStream(analyst, articleId);
      streams.push(a.controller);
      expect(await a.reader!.next((m) => m.event === 'presence')).toMatchObject({ data: { viewers: 1 } });
      const b = await openStream(other, articleId);
      streams.push(b.controller);
      expect(await b.reader!.next((m) => m.event === 'presence')).toMatchObject({ data: { viewers: 2 } });
      expect(await a.reader!.next((m) => m.event === 'presence')).toMatchObject({ data: { viewers: 2 } });
      expect(getLiveHub().viewers(articleId)).toBe(2);

      b.controller.abort();
      expect(await b.reader!.ended()).toBe(true);
      expect(await a.reader!.next((m) => m.event === 'presence')).toMatchObject({ data: { viewers: 1 } });
      expect(getLiveHub().viewers(articleId)).toBe(1);
    });

    it('does not leak events of other articles into a stream', async () => {
      const second = await callRoute(articlesRoute.POST, '/api/articles', { method: 'POST', token: analyst.token, json: { format: 'text', content: TEXT.replace('Live test', 'Other') } });
      const otherId = (second.data.article as { id: string }).id;
      const { controller, reader } = await openStream(analyst, articleId);
      streams.push(controller);
      await reader!.next((m) => m.event === 'presence');
      expect((await createOn(analyst, 'truce held overnight', otherId, text.replace('Live test', 'Other'))).status).toBe(201);
      await flushNotify(articleId, analyst.id, (m) => reader!.next((x) => x.id === m.eventId));
      expect(reader!.seen.filter((m) => m.event.startsWith('annotation.'))).toEqual([]);
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
});
