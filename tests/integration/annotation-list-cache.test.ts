// Whole lists shared between viewers (issue 20, cheap lists: lib/annotations/server/annotation-list-cache.ts):
// a list served from the cache is the list a fresh build would give this viewer — after writes through
// the API, after writes that bypass it, on blind articles, and with what only this viewer may read.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import * as articleRoute from '@/app/api/articles/[id]/route';
import * as submitRoute from '@/app/api/articles/[id]/submit/route';
import * as annotationsRoute from '@/app/api/articles/[id]/annotations/route';
import * as annotationRoute from '@/app/api/annotations/[id]/route';
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import { clearListCache, listCacheSize } from '@/lib/annotations/server/annotation-list-cache';
import { listAnnotations } from '@/lib/annotations/server/list-annotations';
import { getDb } from '@/lib/db/server/prisma';
import { stopLiveHub } from '@/lib/live/server/subscribe';
import { callRoute } from '@/tests/support/call-route';
import { createTestUser, demoArticle, resetDatabase, SENTENCES, type TestUser } from '@/tests/support/fixtures';
import type { AnnotationListBody } from '@/tests/support/route-bodies';

let ana: TestUser;
let bo: TestUser;
let reviewer: TestUser;
let articleId: string;

beforeEach(async () => {
  await resetDatabase();
  clearListCache();
  ana = await createTestUser('ANALYST', { name: 'Ana' });
  bo = await createTestUser('ANALYST', { name: 'Bo' });
  reviewer = await createTestUser('REVIEWER', { name: 'Rev' });
  articleId = (await demoArticle()).article.id;
});

afterAll(async () => {
  await stopLiveHub();
});

const list = (user: TestUser, headers: Record<string, string> = {}) =>
  callRoute<AnnotationListBody>(annotationsRoute.GET, `/api/articles/${articleId}/annotations`, { token: user.token, params: { id: articleId }, headers });
const ids = async (user: TestUser) => {
  const res = await list(user);
  expect(res.status).toBe(200);
  return res.data.annotations.map((a) => a.id).sort();
};
async function annotate(user: TestUser, exact: string, tag = 'un', cut?: number) {
  const { version } = await demoArticle();
  const start = version.text.indexOf(exact);
  const end = cut === undefined ? start + exact.length : start + cut;
  const res = await callRoute<{ annotation: AnnotationDto }>(annotationsRoute.POST, `/api/articles/${articleId}/annotations`, {
    method: 'POST',
    token: user.token,
    json: { start, end, exact: version.text.slice(start, end), tag },
    params: { id: articleId },
  });
  expect(res.status, res.text).toBe(201);
  return res.data.annotation;
}
/** The list as built without the cache, for the same viewer (the reference a cached answer must equal). */
async function fresh(user: TestUser) {
  clearListCache();
  return (await listAnnotations(getDb(), user, articleId)).annotations;
}

describe('annotation lists shared between viewers', () => {
  it('one list serves every viewer of an open article, and a write through the API replaces it', async () => {
    const a = await annotate(ana, SENTENCES.nexus);
    expect(await ids(ana)).toEqual([a.id]);
    expect(listCacheSize().lists).toBe(1);
    expect(await ids(bo)).toEqual([a.id]);
    expect(await ids(reviewer)).toEqual([a.id]);
    expect(listCacheSize().lists).toBe(1);

    const b = await annotate(bo, SENTENCES.twenty, 'intelligence');
    expect(await ids(ana)).toEqual([a.id, b.id].sort());
    expect(listCacheSize().lists).toBe(1);
    const edited = await callRoute(annotationRoute.PATCH, `/api/annotations/${a.id}`, { method: 'PATCH', token: ana.token, json: { revision: a.revision, note: 'checked against the report' }, params: { id: a.id } });
    expect(edited.status, edited.text).toBe(200);
    expect((await list(bo)).data.annotations.find((x) => x.id === a.id)?.note).toBe('checked against the report');
  });

  it('a write that bypasses the live pipeline (the seed, a fix by hand) is not hidden by a kept list', async () => {
    const a = await annotate(ana, SENTENCES.nexus);
    await ids(bo);
    await getDb().annotation.update({ where: { id: a.id }, data: { note: 'fixed by hand' } });
    expect((await list(bo)).data.annotations[0]?.note).toBe('fixed by hand');
    await getDb().reply.create({ data: { annotationId: a.id, authorId: bo.id, body: 'a reply written by hand' } });
    expect((await list(ana)).data.annotations[0]?.replyCount).toBe(1);
    await getDb().annotation.update({ where: { id: a.id }, data: { deletedAt: new Date() } });
    expect(await ids(ana)).toEqual([]);
  });

  it('a 304 still answers from the sequence number, and a stale ETag gets the current list', async () => {
    const a = await annotate(ana, SENTENCES.nexus);
    const first = await list(bo);
    const etag = first.headers.get('etag')!;
    expect((await list(bo, { 'if-none-match': etag })).status).toBe(304);
    const b = await annotate(ana, SENTENCES.twenty, 'intelligence');
    const changed = await list(bo, { 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(changed.data.annotations.map((x) => x.id).sort()).toEqual([a.id, b.id].sort());
    expect(changed.data.seq).toBeGreaterThan(first.data.seq);
  });

  it('on a blind article each analyst gets their own scope from it, and a reviewer’s conflicts are not narrowed by an analyst’s copy', async () => {
    const theirs = await annotate(bo, SENTENCES.isk, 'intelligence');
    const mine = await annotate(ana, SENTENCES.isk, 'un');
    const blind = await callRoute(articleRoute.PATCH, `/api/articles/${articleId}`, { method: 'PATCH', token: reviewer.token, json: { blind: true, assignees: [ana.id, bo.id] }, params: { id: articleId } });
    expect(blind.status, blind.text).toBe(200);

    const asReviewer = (await list(reviewer)).data.annotations;
    expect(asReviewer.map((x) => x.id).sort()).toEqual([mine.id, theirs.id].sort());
    expect(asReviewer.find((x) => x.id === mine.id)?.conflictsWith).toEqual([theirs.id]);
    expect(await ids(ana)).toEqual([mine.id]);
    expect(await ids(bo)).toEqual([theirs.id]);
    // The analysts' narrowed copies did not change the list the reviewer is served.
    expect((await list(reviewer)).data.annotations.find((x) => x.id === mine.id)?.conflictsWith).toEqual([theirs.id]);

    const submitted = await callRoute(submitRoute.POST, `/api/articles/${articleId}/submit`, { method: 'POST', token: bo.token, params: { id: articleId } });
    expect(submitted.status, submitted.text).toBe(200);
    expect(await ids(ana)).toEqual([mine.id]);
    expect(await ids(bo)).toEqual([theirs.id]);
    await callRoute(submitRoute.POST, `/api/articles/${articleId}/submit`, { method: 'POST', token: ana.token, params: { id: articleId } });
    expect(await ids(ana)).toEqual([mine.id, theirs.id].sort());
    expect(await ids(bo)).toEqual([mine.id, theirs.id].sort());
  });

  it('every answer equals a fresh build for the same viewer', async () => {
    await annotate(ana, SENTENCES.nexus);
    await annotate(bo, SENTENCES.nexus, 'intelligence');
    await annotate(reviewer, SENTENCES.shelter, 'analyst');
    for (const user of [ana, bo, reviewer]) {
      await list(ana); // someone else's list is kept first
      const served = (await list(user)).data.annotations;
      expect(served).toEqual(JSON.parse(JSON.stringify(await fresh(user))));
    }
  });
});
