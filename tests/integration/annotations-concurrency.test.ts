// Simultaneous requests against a real Postgres: idempotent creates, optimistic-concurrency edits,
// double deletes, and creates racing a new article version. Requests go through the routes with
// Promise.all, so they really overlap on the connection pool.
import { beforeEach, describe, expect, it } from 'vitest';
import * as articlesRoute from '@/app/api/articles/route';
import * as articleRoute from '@/app/api/articles/[id]/route';
import * as versionsRoute from '@/app/api/articles/[id]/versions/route';
import * as annotationsRoute from '@/app/api/articles/[id]/annotations/route';
import * as annotationRoute from '@/app/api/annotations/[id]/route';
import { getDb } from '@/lib/db/server/prisma';
import { callRoute } from '@/tests/support/call-route';
import { createTestUser, resetDatabase, type TestUser } from '@/tests/support/fixtures';
import type { AnnotationBody, ArticleBody, CreatedArticleBody, CreatedVersionBody, StaleRevision } from '@/tests/support/route-bodies';

// 60 numbered sentences: plenty of distinct selections.
const SENTENCES = Array.from({ length: 60 }, (_, i) => `Claim number ${i + 1} says the figure was ${(i + 1) * 17} people.`);
const CONTENT = ['Concurrency test article', ...SENTENCES].join('\n');

const db = () => getDb();

function sel(text: string, phrase: string) {
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`not in the text: ${phrase}`);
  return { start, end: start + phrase.length, exact: phrase };
}
function create(user: TestUser, articleId: string, json: unknown, key?: string) {
  return callRoute<AnnotationBody>(annotationsRoute.POST, `/api/articles/${articleId}/annotations`, {
    method: 'POST',
    token: user.token,
    json,
    params: { id: articleId },
    headers: key ? { 'idempotency-key': key } : {},
  });
}
function patch(user: TestUser, id: string, json: unknown) {
  return callRoute<AnnotationBody & StaleRevision>(annotationRoute.PATCH, `/api/annotations/${id}`, { method: 'PATCH', token: user.token, json, params: { id } });
}

describe('annotation concurrency', () => {
  let analyst: TestUser;
  let article: { id: string; text: string };

  beforeEach(async () => {
    await resetDatabase();
    analyst = await createTestUser('ANALYST');
    const res = await callRoute<CreatedArticleBody>(articlesRoute.POST, '/api/articles', { method: 'POST', token: analyst.token, json: { format: 'text', content: CONTENT } });
    expect(res.status).toBe(201);
    const id = res.data.article.id;
    const got = await callRoute<ArticleBody>(articleRoute.GET, `/api/articles/${id}`, { token: analyst.token, params: { id } });
    article = { id, text: got.data.version.text };
  });

  it('50 parallel creates with distinct keys all land exactly once', async () => {
    const bodies = SENTENCES.slice(0, 50).map((s) => ({ ...sel(article.text, s), tag: 'un', note: s }));
    const results = await Promise.all(bodies.map((b, i) => create(analyst, article.id, b, `bulk-${i}`)));
    expect(results.map((r) => r.status)).toEqual(Array(50).fill(201));
    const ids = results.map((r) => r.data.annotation.id);
    expect(new Set(ids).size).toBe(50);

    const rows = await db().annotation.findMany({ where: { articleId: article.id }, select: { id: true, idempotencyKey: true, note: true, exact: true } });
    expect(rows).toHaveLength(50);
    expect(rows.map((r) => r.idempotencyKey).sort()).toEqual(bodies.map((_, i) => `bulk-${i}`).sort());
    expect(rows.every((r) => r.note === r.exact)).toBe(true); // each body landed on its own row
    expect(await db().annotationEvent.count({ where: { action: 'created' } })).toBe(50);

    // Retrying the whole batch changes nothing.
    const retried = await Promise.all(bodies.map((b, i) => create(analyst, article.id, b, `bulk-${i}`)));
    expect(retried.map((r) => r.status)).toEqual(Array(50).fill(200));
    expect(retried.map((r) => r.data.annotation.id)).toEqual(ids);
    expect(await db().annotation.count()).toBe(50);
  });

  it('10 parallel creates with the same key → one row, one 201, nine 200 with the same annotation', async () => {
    const body = { ...sel(article.text, SENTENCES[0]!), tag: 'un' };
    const results = await Promise.all(Array.from({ length: 10 }, () => create(analyst, article.id, body, 'same-key')));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses, JSON.stringify(results.map((r) => r.data))).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    const ids = new Set(results.map((r) => r.data.annotation.id));
    expect(ids.size).toBe(1);
    expect(await db().annotation.count()).toBe(1);
    expect(await db().annotationEvent.count()).toBe(1);
  });

  it('parallel creates without a key are not deduplicated (each is a new annotation)', async () => {
    const body = { ...sel(article.text, SENTENCES[0]!), tag: 'un' };
    const results = await Promise.all(Array.from({ length: 3 }, () => create(analyst, article.id, body)));
    expect(results.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(await db().annotation.count()).toBe(3);
  });

  it('two PATCHes at the same revision: one 200, the other 409 with the winner in details', async () => {
    const created = await create(analyst, article.id, { ...sel(article.text, SENTENCES[1]!), tag: 'un' });
    const id = created.data.annotation.id;
    const [a, b] = await Promise.all([patch(analyst, id, { revision: 1, note: 'from tab A' }), patch(analyst, id, { revision: 1, note: 'from tab B' })]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([200, 409]);
    const winner = a.status === 200 ? a : b;
    const loser = a.status === 200 ? b : a;
    const winnerNote = winner.data.annotation.note;
    expect(loser.data.error?.code).toBe('conflict');
    const current = loser.data.error!.details.current;
    expect(current).toMatchObject({ id, revision: 2, note: winnerNote });
    expect(await db().annotation.findUniqueOrThrow({ where: { id } })).toMatchObject({ revision: 2, note: winnerNote });
    expect(await db().annotationEvent.count({ where: { annotationId: id, action: 'updated' } })).toBe(1);
  });

  it('five PATCHes at the same revision: exactly one wins', async () => {
    const created = await create(analyst, article.id, { ...sel(article.text, SENTENCES[2]!), tag: 'un' });
    const id = created.data.annotation.id;
    const results = await Promise.all(Array.from({ length: 5 }, (_, i) => patch(analyst, id, { revision: 1, note: `writer ${i}` })));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(4);
    expect((await db().annotation.findUniqueOrThrow({ where: { id } })).revision).toBe(2);
  });

  it('two simultaneous DELETEs: one 204, one 404, one "deleted" event', async () => {
    const created = await create(analyst, article.id, { ...sel(article.text, SENTENCES[3]!), tag: 'un' });
    const id = created.data.annotation.id;
    const del = () => callRoute(annotationRoute.DELETE, `/api/annotations/${id}`, { method: 'DELETE', token: analyst.token, params: { id } });
    const results = await Promise.all([del(), del()]);
    expect(results.map((r) => r.status).sort()).toEqual([204, 404]);
    expect(await db().annotationEvent.count({ where: { annotationId: id, action: 'deleted' } })).toBe(1);
  });

  it('creates racing a new version all end up on the newest version', async () => {
    // Appended text keeps every old offset valid, so each create must succeed whichever way the race goes.
    const edited = `${CONTENT}\nA closing paragraph was appended.`;
    const bodies = SENTENCES.slice(10, 30).map((s) => ({ ...sel(article.text, s), tag: 'un' }));
    const [version, ...creates] = await Promise.all([
      callRoute<CreatedVersionBody>(versionsRoute.POST, `/api/articles/${article.id}/versions`, { method: 'POST', token: analyst.token, params: { id: article.id }, json: { format: 'text', content: edited } }),
      ...bodies.map((b) => create(analyst, article.id, b)),
    ]);
    expect(version!.status).toBe(201);
    const newVersionId = version!.data.version.id;
    // A create either lands before the version (and is re-anchored onto it) or after (on it
    // directly); never on the old version after the re-anchoring pass has run.
    expect(creates.map((r) => r.status)).toEqual(Array(bodies.length).fill(201));
    const rows = await db().annotation.findMany({ where: { articleId: article.id } });
    expect(rows).toHaveLength(bodies.length);
    const newText = (await db().articleVersion.findUniqueOrThrow({ where: { id: newVersionId } })).text;
    for (const row of rows) {
      expect(row.versionId).toBe(newVersionId);
      expect(newText.slice(row.start, row.end)).toBe(row.exact);
    }
  });
  /**
   * Holds the article row FOR UPDATE (as adding a version or changing blind mode does), lets a create
   * start and queue on the lock, changes what the lock guards, and commits: the create must then see
   * the change, though it began before it.
   */
  async function createWhileLocked(change: (tx: Parameters<Parameters<ReturnType<typeof db>['$transaction']>[0]>[0]) => Promise<void>, json: unknown) {
    let pending: ReturnType<typeof create> | undefined;
    await db().$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM "Article" WHERE id = ${article.id} FOR UPDATE`;
      pending = create(analyst, article.id, json);
      for (let i = 0; ; i++) {
        const [{ waiting }] = await db().$queryRaw<Array<{ waiting: number }>>`
          SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
        if (waiting > 0) break;
        if (i > 200) throw new Error('the create never queued on the article lock');
        await new Promise((r) => setTimeout(r, 10));
      }
      await change(tx);
    });
    return pending!;
  }

  it('a create queued behind a new version lands on that version, not the one current when it started', async () => {
    const phrase = sel(article.text, SENTENCES[5]!);
    const current = await db().articleVersion.findFirstOrThrow({ where: { articleId: article.id }, orderBy: { number: 'desc' } });
    const appended = `${current.text}\nA paragraph added while the create waited.`;
    let newVersionId = '';
    const res = await createWhileLocked(async (tx) => {
      const v = await tx.articleVersion.create({ data: { articleId: article.id, number: current.number + 1, doc: current.doc ?? {}, text: appended, contentHash: 'appended' } });
      newVersionId = v.id;
    }, { ...phrase, tag: 'un' });
    expect(res.status).toBe(201);
    expect(res.data.annotation.versionId).toBe(newVersionId);
    expect((await db().annotation.findUniqueOrThrow({ where: { id: res.data.annotation.id } })).versionId).toBe(newVersionId);
  });

  it('a create queued behind blind mode and the author’s submission is refused', async () => {
    const res = await createWhileLocked(async (tx) => {
      await tx.article.update({ where: { id: article.id }, data: { blind: true } });
      await tx.assignment.create({ data: { articleId: article.id, userId: analyst.id, assignedById: analyst.id, submittedAt: new Date() } });
    }, { ...sel(article.text, SENTENCES[6]!), tag: 'un' });
    expect(res.status).toBe(403);
    expect(await db().annotation.count({ where: { articleId: article.id } })).toBe(0);
  });
});
