// Cheap annotation lists (issue 20): the list's sequence number, ETag/If-None-Match → 304, `?since=`
// deltas (changed, deleted, and annotations in other articles whose shape a change alters), and a
// large list streamed page by page.
import { beforeEach, describe, expect, it } from 'vitest';
import * as articlesRoute from '@/app/api/articles/route';
import * as articleRoute from '@/app/api/articles/[id]/route';
import * as annotationsRoute from '@/app/api/articles/[id]/annotations/route';
import * as annotationRoute from '@/app/api/annotations/[id]/route';
import * as reviewsRoute from '@/app/api/annotations/[id]/reviews/route';
import { ANNOTATION_PAGE_SIZE } from '@/lib/annotations/server/list-annotations';
import { getDb } from '@/lib/db/server/prisma';
import { insertAnnotations, pickSpans, tagIds, withClient } from '@/bench/support/data';
import { callRoute } from '@/tests/support/call-route';
import { createTestUser, resetDatabase, type TestUser } from '@/tests/support/fixtures';
import type { AnnotationBody, AnnotationChangesBody, AnnotationListBody, ArticleBody, CreatedArticleBody } from '@/tests/support/route-bodies';

const TEXT = ['Delta test article', 'Officials said the truce held overnight in the northern districts.', 'Analysts expect the talks to resume next week in Doha.'].join('\n');

describe('annotation list: seq, ETag, since, streaming', () => {
  let analyst: TestUser;
  let other: TestUser;
  let admin: TestUser;
  let articleId: string;
  let text: string;

  async function newArticle(user: TestUser, content = TEXT) {
    const res = await callRoute<CreatedArticleBody>(articlesRoute.POST, '/api/articles', { method: 'POST', token: user.token, json: { format: 'text', content } });
    const id = res.data.article.id;
    const got = await callRoute<ArticleBody>(articleRoute.GET, `/api/articles/${id}`, { token: user.token, params: { id } });
    return { id, text: got.data.version.text, versionId: got.data.version.id };
  }

  beforeEach(async () => {
    await resetDatabase();
    analyst = await createTestUser('ANALYST');
    other = await createTestUser('ANALYST');
    admin = await createTestUser('ADMIN');
    ({ id: articleId, text } = await newArticle(analyst));
  });

  /** The list; with `since` in the query, name the delta body: `list<AnnotationChangesBody>(…)`. */
  const list = <T = AnnotationListBody>(user: TestUser, options: { query?: Record<string, string>; headers?: Record<string, string>; id?: string } = {}) =>
    callRoute<T>(annotationsRoute.GET, `/api/articles/${options.id ?? articleId}/annotations`, { token: user.token, params: { id: options.id ?? articleId }, ...options });
  async function create(user: TestUser, phrase: string, extra: Record<string, unknown> = {}, id = articleId, body = text) {
    const start = body.indexOf(phrase);
    const res = await callRoute<AnnotationBody>(annotationsRoute.POST, `/api/articles/${id}/annotations`, {
      method: 'POST',
      token: user.token,
      params: { id },
      json: { start, end: start + phrase.length, exact: phrase, tag: 'un', ...extra },
    });
    expect(res.status).toBe(201);
    return res.data.annotation;
  }

  it('the list carries its sequence number and an ETag; If-None-Match answers 304 until something changes', async () => {
    const empty = await list(analyst);
    expect(empty.status).toBe(200);
    expect(empty.data).toEqual({ annotations: [], seq: 0 });
    const etag = empty.headers.get('etag')!;
    expect(etag).toMatch(/^W\/"0-/);
    expect(empty.headers.get('cache-control')).toBe('private, no-cache');

    const notModified = await list(analyst, { headers: { 'if-none-match': etag } });
    expect(notModified.status).toBe(304);
    expect(notModified.text).toBe('');
    expect(notModified.headers.get('etag')).toBe(etag);

    const a = await create(other, 'truce held overnight');
    const changed = await list(analyst, { headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.data.seq).toBe(1);
    expect(changed.data.annotations.map((x) => x.id)).toEqual([a.id]);
    expect(changed.headers.get('etag')).not.toBe(etag);

    // Each viewer and filter has its own tag (what one may read is not what another may).
    expect((await list(other, { headers: { 'if-none-match': changed.headers.get('etag')! } })).status).toBe(200);
    expect((await list(analyst, { query: { tag: 'un' }, headers: { 'if-none-match': changed.headers.get('etag')! } })).status).toBe(200);
    // A refused request is refused before any 304.
    expect((await list(analyst, { query: { includeDeleted: '1' }, headers: { 'if-none-match': '*' } })).status).toBe(403);
    expect((await list(analyst, { id: 'no-such-article', headers: { 'if-none-match': '*' } })).status).toBe(404);
  });

  it('?since= returns what changed after a number: new and edited annotations, and the ids of deleted ones', async () => {
    const a = await create(other, 'truce held overnight');
    const b = await create(other, 'talks to resume');
    const { seq } = (await list(analyst)).data;
    expect(seq).toBe(2);

    const c = await create(analyst, 'next week in Doha');
    expect((await callRoute(annotationRoute.PATCH, `/api/annotations/${a.id}`, { method: 'PATCH', token: other.token, params: { id: a.id }, json: { revision: 1, note: 'seen' } })).status).toBe(200);
    expect((await callRoute(annotationRoute.DELETE, `/api/annotations/${b.id}`, { method: 'DELETE', token: other.token, params: { id: b.id } })).status).toBe(204);

    const delta = await list<AnnotationChangesBody>(analyst, { query: { since: String(seq) } });
    expect(delta.status).toBe(200);
    const body = delta.data;
    expect(body.seq).toBe(5);
    expect(body.annotations.map((x) => [x.id, x.note])).toEqual([
      [a.id, 'seen'],
      [c.id, null],
    ]);
    expect(body.deleted).toEqual([b.id]);
    // An admin, too, gets deleted ones as ids here (the deleted list is includeDeleted=1's).
    expect((await list<AnnotationChangesBody>(admin, { query: { since: String(seq) } })).data.deleted).toEqual([b.id]);
    // Up to date: nothing.
    expect((await list<AnnotationChangesBody>(analyst, { query: { since: '5' } })).data).toEqual({ annotations: [], deleted: [], seq: 5 });

    // Applying the delta to the old list gives the new list (conflicts included).
    const before = new Map((await list(analyst)).data.annotations.map((x) => [x.id, x]));
    expect([...before.keys()].sort()).toEqual([a.id, c.id].sort());
  });

  it('?since= is refused with filters, and for anything but a sequence number', async () => {
    const combined = await list(analyst, { query: { since: '0', tag: 'un' } });
    expect(combined.status).toBe(400);
    expect(combined.data.error!.message).toMatch(/since cannot be combined with tag/);
    for (const bad of ['-1', 'abc', '1.5', '9'.repeat(20)]) expect((await list(analyst, { query: { since: bad } })).status).toBe(400);
  });

  it('a change made elsewhere that alters an annotation here (a claim matched from another article) is in its delta', async () => {
    const earlier = await create(other, 'truce held overnight');
    expect(earlier.matchedByCount).toBe(0);
    const { seq } = (await list(analyst)).data;
    const second = await newArticle(analyst, TEXT.replace('Delta test', 'Second'));
    const later = await create(analyst, 'truce held overnight', { matchOf: earlier.id }, second.id, second.text);
    expect(later.matchOf?.annotationId).toBe(earlier.id);

    const delta = (await list<AnnotationChangesBody>(analyst, { query: { since: String(seq) } })).data;
    expect(delta.annotations.map((x) => [x.id, x.matchedByCount])).toEqual([[earlier.id, 1]]);

    // A verdict on the earlier claim changes how the later one shows it ("previously checked: Confirmed").
    const reviewer = await createTestUser('REVIEWER');
    const { seq: secondSeq } = (await list(analyst, { id: second.id })).data;
    expect((await callRoute(reviewsRoute.POST, `/api/annotations/${earlier.id}/reviews`, { method: 'POST', token: reviewer.token, params: { id: earlier.id }, json: { verdict: 'AGREE' } })).status).toBe(201);
    const secondDelta = (await list<AnnotationChangesBody>(analyst, { id: second.id, query: { since: String(secondSeq) } })).data;
    expect(secondDelta.annotations.map((x) => [x.id, x.matchOf?.status])).toEqual([[later.id, 'CONFIRMED']]);
  });

  it(`a list longer than a page (${ANNOTATION_PAGE_SIZE}) is streamed in document order, complete, with conflicts`, async () => {
    const total = ANNOTATION_PAGE_SIZE * 2 + 37;
    const article = { articleId, versionId: (await getDb().articleVersion.findFirstOrThrow({ where: { articleId } })).id, text };
    await withClient(process.env.DATABASE_URL!, async (c) => insertAnnotations(c, article, [analyst.id, other.id], await tagIds(c), pickSpans(text, total, 7)));

    const res = await annotationsRoute.GET(new Request(`http://localhost:3000/api/articles/${articleId}/annotations`, { headers: { host: 'localhost:3000', authorization: `Bearer ${analyst.token}` } }), {
      params: Promise.resolve({ id: articleId }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBeTruthy();
    expect(res.headers.get('content-length')).toBeNull(); // streamed, not one string
    const body = (await res.json()) as AnnotationListBody;
    expect(body.annotations).toHaveLength(total);
    expect(new Set(body.annotations.map((a) => a.id)).size).toBe(total);
    const sorted = [...body.annotations].sort((x, y) => x.target.start - y.target.start || x.target.end - y.target.end || (x.id < y.id ? -1 : 1));
    expect(body.annotations.map((a) => a.id)).toEqual(sorted.map((a) => a.id));
    expect(body.annotations.some((a) => a.conflictsWith.length > 0)).toBe(true);

    // The streamed list equals the filtered path's answer (one query, no streaming) annotation for annotation.
    const unstreamed = (await list(analyst, { query: { anchorState: 'exact' } })).data;
    expect(unstreamed.annotations).toEqual(body.annotations);
  });
});
