// The annotation endpoints end to end against a real Postgres: create/list/get/update/delete/
// restore/history/confirm-anchor, called in-process with real Requests and real credentials.
// Every refusal also checks the database, so "400" always means "nothing stored".
import { beforeEach, describe, expect, it } from 'vitest';
import * as articlesRoute from '@/app/api/articles/route';
import * as articleRoute from '@/app/api/articles/[id]/route';
import * as versionsRoute from '@/app/api/articles/[id]/versions/route';
import * as annotationsRoute from '@/app/api/articles/[id]/annotations/route';
import * as annotationRoute from '@/app/api/annotations/[id]/route';
import * as restoreRoute from '@/app/api/annotations/[id]/restore/route';
import * as historyRoute from '@/app/api/annotations/[id]/history/route';
import * as confirmRoute from '@/app/api/annotations/[id]/confirm-anchor/route';
import { MAX_NOTE } from '@/lib/annotations/annotation-schemas';
import { UNDO_WINDOW_MS } from '@/lib/core/permissions';
import { CONTEXT_LENGTH } from '@/lib/anchoring';
import { getDb } from '@/lib/db/server/prisma';
import { callRoute, sessionCookieFor, type CallOptions } from '@/tests/support/call-route';
import { createTestUser, resetDatabase, type TestUser } from '@/tests/support/fixtures';
import type { AnnotationBody, AnnotationListBody, ArticleBody, CreatedArticleBody, CreatedVersionBody, HistoryBody, StaleRevision } from '@/tests/support/route-bodies';

// Plain text: first line is the headline; every other line here ends with a period (a paragraph).
const ARTICLE = [
  'Ceasefire talks stall in the north',
  'Officials said the truce held overnight, according to a UN report released on Monday.',
  'Analysts warned that the talks could collapse within a week 😀 if the shelling resumed.',
  'A spokesman said: قال المسؤولون إن الهدنة صمدت and a second one said הפסקת האש נשמרה today.',
  'Intelligence sources claimed that more than 300 fighters had crossed the border in March.',
  'The ministry of defence said it had received no such reports from its own field officers.',
].join('\n');

const db = () => getDb();

async function newArticle(user: TestUser, content = ARTICLE) {
  const res = await callRoute<CreatedArticleBody>(articlesRoute.POST, '/api/articles', { method: 'POST', token: user.token, json: { format: 'text', content } });
  expect(res.status).toBe(201);
  const id = res.data.article.id;
  const got = await callRoute<ArticleBody>(articleRoute.GET, `/api/articles/${id}`, { token: user.token, params: { id } });
  const { version } = got.data;
  return { id, versionId: version.id, text: version.text };
}

/** start/end/exact of the first occurrence of `phrase` in `text`. */
function sel(text: string, phrase: string, from = 0) {
  const start = text.indexOf(phrase, from);
  if (start < 0) throw new Error(`not in the text: ${phrase}`);
  return { start, end: start + phrase.length, exact: phrase };
}

const as = (user: TestUser): CallOptions => ({ token: user.token });

function create(articleId: string, json: unknown, opts: CallOptions = {}) {
  return callRoute<AnnotationBody>(annotationsRoute.POST, `/api/articles/${articleId}/annotations`, { method: 'POST', json, params: { id: articleId }, ...opts });
}
function list(user: TestUser, articleId: string, query: Record<string, string> = {}) {
  return callRoute<AnnotationListBody>(annotationsRoute.GET, `/api/articles/${articleId}/annotations`, { token: user.token, query, params: { id: articleId } });
}
function patch(user: TestUser, id: string, json: unknown) {
  return callRoute<AnnotationBody & StaleRevision>(annotationRoute.PATCH, `/api/annotations/${id}`, { method: 'PATCH', token: user.token, json, params: { id } });
}
function remove(user: TestUser, id: string) {
  return callRoute(annotationRoute.DELETE, `/api/annotations/${id}`, { method: 'DELETE', token: user.token, params: { id } });
}
function restore(user: TestUser, id: string) {
  return callRoute<AnnotationBody>(restoreRoute.POST, `/api/annotations/${id}/restore`, { method: 'POST', token: user.token, params: { id } });
}
function history(user: TestUser, id: string) {
  return callRoute<HistoryBody>(historyRoute.GET, `/api/annotations/${id}/history`, { token: user.token, params: { id } });
}
function confirm(user: TestUser, id: string, json: unknown) {
  return callRoute<AnnotationBody & StaleRevision>(confirmRoute.POST, `/api/annotations/${id}/confirm-anchor`, { method: 'POST', token: user.token, json, params: { id } });
}
async function createOk(user: TestUser, articleId: string, json: Record<string, unknown>) {
  const res = await create(articleId, json, as(user));
  expect(res.status, JSON.stringify(res.data)).toBe(201);
  return res.data.annotation;
}
async function storedCounts() {
  return { annotations: await db().annotation.count(), events: await db().annotationEvent.count() };
}

describe('annotation endpoints', () => {
  let analyst: TestUser;
  let other: TestUser;
  let reviewer: TestUser;
  let admin: TestUser;
  let article: { id: string; versionId: string; text: string };

  beforeEach(async () => {
    await resetDatabase();
    analyst = await createTestUser('ANALYST');
    other = await createTestUser('ANALYST');
    reviewer = await createTestUser('REVIEWER');
    admin = await createTestUser('ADMIN');
    article = await newArticle(analyst);
  });

  describe('create', () => {
    it('201 with server-computed context, stored with a "created" event', async () => {
      const s = sel(article.text, 'according to a UN report');
      const res = await create(article.id, { ...s, tag: 'un', note: '  Check the report number.  ', confidence: 'high', grade: { reliability: 'B', credibility: 2 } }, as(analyst));
      expect(res.status).toBe(201);
      const a = res.data.annotation;
      expect(a.target).toEqual({
        exact: s.exact,
        start: s.start,
        end: s.end,
        prefix: article.text.slice(s.start - CONTEXT_LENGTH, s.start),
        suffix: article.text.slice(s.end, s.end + CONTEXT_LENGTH),
      });
      expect(a.target.prefix).toHaveLength(CONTEXT_LENGTH);
      expect(a).toMatchObject({
        articleId: article.id,
        versionId: article.versionId,
        tag: 'un',
        note: 'Check the report number.',
        confidence: 'high',
        grade: { reliability: 'B', credibility: 2 },
        status: 'UNREVIEWED',
        anchorState: 'exact',
        orphaned: false,
        author: { id: analyst.id },
        revision: 1,
        deletedAt: null,
      });
      const row = await db().annotation.findUniqueOrThrow({ where: { id: a.id } });
      expect(row).toMatchObject({ prefix: a.target.prefix, suffix: a.target.suffix, start: s.start, end: s.end, authorId: analyst.id });
      const events = await db().annotationEvent.findMany({ where: { annotationId: a.id } });
      expect(events.map((e) => e.action)).toEqual(['created']);
      expect(events[0]!.after).toMatchObject({ start: s.start, end: s.end, exact: s.exact, tag: 'un' });
    });

    it('ignores client-sent context: prefix/suffix are unknown fields', async () => {
      const s = sel(article.text, 'truce held overnight');
      const res = await create(article.id, { ...s, tag: 'un', prefix: 'forged', suffix: 'forged' }, as(analyst));
      expect(res.status).toBe(400);
      expect(res.data.error?.code).toBe('validation_failed');
      expect(res.data.error?.message).toMatch(/prefix/);
      expect(res.data.error?.message).toMatch(/suffix/);
      expect(await db().annotation.count()).toBe(0);
    });

    it('a quote that does not match the text at start/end → 400 naming the problem', async () => {
      const s = sel(article.text, 'truce held overnight');
      const cases = [
        { ...s, exact: 'truce held overnigh!' }, // same length, different text
        { ...s, start: s.start + 1, end: s.end + 1 }, // shifted by one
        { ...s, exact: 'truce held' }, // shorter than the range
      ];
      for (const body of cases) {
        const res = await create(article.id, { ...body, tag: 'un' }, as(analyst));
        expect(res.status, JSON.stringify(body)).toBe(400);
        expect(res.data.error?.message).toMatch(/quote does not match the article text/);
        expect(res.data.error?.details).toEqual([expect.objectContaining({ path: 'exact' })]);
      }
      expect(await storedCounts()).toEqual({ annotations: 0, events: 0 });
    });

    it('out-of-range, negative, reversed, empty and fractional offsets → 400', async () => {
      const len = article.text.length;
      const tail = article.text.slice(len - 5);
      const cases: Array<[Record<string, unknown>, RegExp]> = [
        [{ start: len - 5, end: len + 1, exact: `${tail}x` }, /out of range/],
        [{ start: -1, end: 3, exact: 'Cea' }, /start must be 0 or more/],
        [{ start: 10, end: 5, exact: 'x' }, /out of range/],
        [{ start: 5, end: 5, exact: 'x' }, /out of range/],
        [{ start: 1.5, end: 4, exact: 'eas' }, /whole number/],
        [{ start: '0', end: 4, exact: 'Ceas' }, /start must be a number/],
        [{ start: 0, end: 4, exact: '' }, /exact is empty/],
      ];
      for (const [body, message] of cases) {
        const res = await create(article.id, { ...body, tag: 'un' }, as(analyst));
        expect(res.status, JSON.stringify(body)).toBe(400);
        expect(res.data.error?.code).toBe('validation_failed');
        expect(res.data.error?.message).toMatch(message);
      }
      expect(await storedCounts()).toEqual({ annotations: 0, events: 0 });
    });

    it('a whitespace-only selection → 400', async () => {
      const at = article.text.indexOf('\n');
      const res = await create(article.id, { start: at, end: at + 1, exact: '\n', tag: 'un' }, as(analyst));
      expect(res.status).toBe(400);
      expect(res.data.error?.message).toMatch(/only whitespace/);
    });

    it('unknown or archived tag → 400 listing the usable tags; missing tag → 400', async () => {
      const s = sel(article.text, 'truce held overnight');
      const unknown = await create(article.id, { ...s, tag: 'rumour' }, as(analyst));
      expect(unknown.status).toBe(400);
      expect(unknown.data.error?.message).toMatch(/Unknown tag "rumour": use one of un, intelligence, analyst/);

      await db().sourceTag.update({ where: { key: 'intelligence' }, data: { archivedAt: new Date() } });
      const archived = await create(article.id, { ...s, tag: 'intelligence' }, as(analyst));
      expect(archived.status).toBe(400);
      expect(archived.data.error?.message).toMatch(/"intelligence" is archived/);
      expect(archived.data.error?.message).not.toMatch(/use one of.*intelligence/);

      const missing = await create(article.id, { ...s }, as(analyst));
      expect(missing.status).toBe(400);
      expect(missing.data.error?.details).toEqual([expect.objectContaining({ path: 'tag' })]);
      expect(await storedCounts()).toEqual({ annotations: 0, events: 0 });
    });

    it('malformed JSON, a non-object body, and unknown fields → 400', async () => {
      const s = sel(article.text, 'truce held overnight');
      const bad = await create(article.id, undefined, { ...as(analyst), body: '{"start": 1,', headers: { 'content-type': 'application/json' } });
      expect(bad.status).toBe(400);
      expect(bad.data.error?.message).toMatch(/not valid JSON/);
      const array = await create(article.id, [s], as(analyst));
      expect(array.status).toBe(400);
      const extra = await create(article.id, { ...s, tag: 'un', authorId: other.id }, as(analyst));
      expect(extra.status).toBe(400);
      expect(extra.data.error?.message).toMatch(/authorId/);
      expect(await storedCounts()).toEqual({ annotations: 0, events: 0 });
    });

    it('a body over 1 MB → 413; a 100 KB note → 400 at MAX_NOTE; nothing stored', async () => {
      const s = sel(article.text, 'truce held overnight');
      const huge = await create(article.id, { ...s, tag: 'un', note: 'x'.repeat(1024 * 1024 + 10) }, as(analyst));
      expect(huge.status).toBe(413);
      expect(huge.data.error?.code).toBe('payload_too_large');

      const big = await create(article.id, { ...s, tag: 'un', note: 'n'.repeat(100 * 1024) }, as(analyst));
      expect(big.status).toBe(400);
      expect(big.data.error?.message).toMatch(new RegExp(`note must be at most ${MAX_NOTE.toLocaleString('en-US')} characters`));
      expect(await storedCounts()).toEqual({ annotations: 0, events: 0 });

      const atLimit = await create(article.id, { ...s, tag: 'un', note: 'n'.repeat(MAX_NOTE) }, as(analyst));
      expect(atLimit.status).toBe(201);
      expect(atLimit.data.annotation.note).toHaveLength(MAX_NOTE);
    });

    it('emoji and right-to-left text round-trip in quote and note', async () => {
      const note = 'مصدر غير مؤكد — מקור לא מאומת 👍🏽 (check) 👨‍👩‍👧';
      const quotes = ['within a week 😀 if', 'قال المسؤولون إن الهدنة صمدت', 'הפסקת האש נשמרה'];
      const ids: string[] = [];
      for (const q of quotes) {
        const s = sel(article.text, q);
        const a = await createOk(analyst, article.id, { ...s, tag: 'analyst', note, sourceDetail: q });
        expect(a.target.exact).toBe(q);
        expect(a.note).toBe(note);
        ids.push(a.id);
      }
      const got = await callRoute<AnnotationBody>(annotationRoute.GET, `/api/annotations/${ids[0]}`, { token: other.token, params: { id: ids[0]! } });
      expect(got.data.annotation.target.exact).toBe(quotes[0]);
      const rows = await db().annotation.findMany({ where: { id: { in: ids } }, orderBy: { start: 'asc' } });
      expect(rows.map((r) => r.exact)).toEqual(quotes);
      expect(rows.every((r) => r.note === note)).toBe(true);
      // The audit log (jsonb) keeps them too.
      const events = await db().annotationEvent.findMany({ where: { annotationId: { in: ids } } });
      expect(events.map((e) => (e.after as { exact: string }).exact).sort()).toEqual([...quotes].sort());
      // And search finds RTL text.
      const found = await list(analyst, article.id, { q: 'הפסקת' });
      expect(found.data.annotations.map((a) => a.id)).toEqual([ids[2]]);
    });

    it('a selection that cuts an emoji in half → 400, nothing stored', async () => {
      const at = article.text.indexOf('😀');
      // Ends between the two UTF-16 halves of the emoji.
      const half = await create(article.id, { start: at - 5, end: at + 1, exact: article.text.slice(at - 5, at + 1), tag: 'un' }, as(analyst));
      expect(half.status).toBe(400);
      expect(half.data.error?.code).toBe('validation_failed');
      expect(half.data.error?.message).toMatch(/broken character|in half/);
      // Starts between them.
      const otherHalf = await create(article.id, { start: at + 1, end: at + 6, exact: article.text.slice(at + 1, at + 6), tag: 'un' }, as(analyst));
      expect(otherHalf.status).toBe(400);
      expect(await storedCounts()).toEqual({ annotations: 0, events: 0 });
    });

    it('a note with a lone surrogate → 400, nothing stored', async () => {
      const s = sel(article.text, 'truce held overnight');
      const body = `{"start":${s.start},"end":${s.end},"exact":"${s.exact}","tag":"un","note":"broken \\ud83d note"}`;
      const res = await create(article.id, undefined, { ...as(analyst), body, headers: { 'content-type': 'application/json' } });
      expect(res.status).toBe(400);
      expect(res.data.error?.message).toMatch(/note/);
      expect(await storedCounts()).toEqual({ annotations: 0, events: 0 });
    });

    it('NUL characters in text fields → 400, never a 500; nothing stored', async () => {
      const s = sel(article.text, 'truce held overnight');
      for (const extra of [{ note: 'before\u0000after' }, { sourceDetail: 'src\u0000' }, { tag: 'un\u0000' }]) {
        const res = await create(article.id, { ...s, tag: 'un', ...extra }, as(analyst));
        expect(res.status, JSON.stringify(res.data)).toBe(400);
        expect(res.data.error?.message).toMatch(new RegExp(`${Object.keys(extra)[0]} contains a NUL character`));
      }
      const existing = await createOk(analyst, article.id, { ...s, tag: 'un' });
      const edit = await patch(analyst, existing.id, { revision: 1, note: 'a\u0000b' });
      expect(edit.status).toBe(400);
      const search = await list(analyst, article.id, { q: 'a\u0000b' });
      expect(search.status).toBe(400);
      expect(search.data.error?.message).toMatch(/q contains a NUL character/);
      expect(await storedCounts()).toEqual({ annotations: 1, events: 1 });
    });

    it('a stale versionId → 409 with the current version id; nothing stored', async () => {
      const s = sel(article.text, 'truce held overnight');
      const old = article.versionId;
      const added = await callRoute<CreatedVersionBody>(versionsRoute.POST, `/api/articles/${article.id}/versions`, {
        method: 'POST',
        token: analyst.token,
        params: { id: article.id },
        json: { format: 'text', content: `${ARTICLE}\nA new closing paragraph was added.` },
      });
      expect(added.status).toBe(201);
      const current = added.data.version.id;
      const res = await create(article.id, { ...s, tag: 'un', versionId: old }, as(analyst));
      expect(res.status).toBe(409);
      expect(res.data.error?.code).toBe('conflict');
      expect(res.data.error?.details).toEqual({ currentVersionId: current });
      expect(await storedCounts()).toEqual({ annotations: 0, events: 0 });
      const ok = await create(article.id, { ...s, tag: 'un', versionId: current }, as(analyst));
      expect(ok.status).toBe(201);
      expect(ok.data.annotation.versionId).toBe(current);
    });

    it('unknown article → 404; no credentials → 401; bad token → 401', async () => {
      const s = sel(article.text, 'truce held overnight');
      const missing = await create('no-such-article', { ...s, tag: 'un' }, as(analyst));
      expect(missing.status).toBe(404);
      expect(missing.data.error?.code).toBe('not_found');
      const anonymous = await create(article.id, { ...s, tag: 'un' });
      expect(anonymous.status).toBe(401);
      expect(anonymous.data.error?.code).toBe('unauthenticated');
      const forged = await create(article.id, { ...s, tag: 'un' }, { token: `${analyst.token}x` });
      expect(forged.status).toBe(401);
      const anonymousList = await callRoute<AnnotationListBody>(annotationsRoute.GET, `/api/articles/${article.id}/annotations`, { params: { id: article.id } });
      expect(anonymousList.status).toBe(401);
      expect(await storedCounts()).toEqual({ annotations: 0, events: 0 });
    });

    it('cookie session: same-origin write works, cross-site Origin → 403', async () => {
      const s = sel(article.text, 'truce held overnight');
      const cookie = await sessionCookieFor(analyst.id);
      const evil = await create(article.id, { ...s, tag: 'un' }, { cookie, headers: { origin: 'https://evil.example' } });
      expect(evil.status).toBe(403);
      expect(evil.data.error?.message).toMatch(/Cross-site/);
      const fetchSite = await create(article.id, { ...s, tag: 'un' }, { cookie, headers: { 'sec-fetch-site': 'cross-site', origin: 'http://localhost:3000' } });
      expect(fetchSite.status).toBe(403);
      const noOrigin = await create(article.id, { ...s, tag: 'un' }, { cookie });
      expect(noOrigin.status).toBe(403);
      expect(await storedCounts()).toEqual({ annotations: 0, events: 0 });
      const same = await create(article.id, { ...s, tag: 'un' }, { cookie, headers: { origin: 'http://localhost:3000' } });
      expect(same.status).toBe(201);
      expect(same.data.annotation.author.id).toBe(analyst.id);
      // Reading with the cookie needs no Origin.
      const read = await callRoute<AnnotationListBody>(annotationsRoute.GET, `/api/articles/${article.id}/annotations`, { cookie, params: { id: article.id } });
      expect(read.status).toBe(200);
    });
  });

  describe('idempotency', () => {
    it('the same Idempotency-Key twice → the same annotation, 201 then 200, one row, one event', async () => {
      const s = sel(article.text, 'truce held overnight');
      const opts = { ...as(analyst), headers: { 'idempotency-key': 'key-1' } };
      const first = await create(article.id, { ...s, tag: 'un' }, opts);
      const second = await create(article.id, { ...s, tag: 'un' }, opts);
      expect(first.status).toBe(201);
      expect(second.status).toBe(200);
      expect(second.data.annotation.id).toBe(first.data.annotation.id);
      expect(await storedCounts()).toEqual({ annotations: 1, events: 1 });
    });

    it('the key is per user; reusing it for another selection → 409; a malformed key → 400', async () => {
      const s = sel(article.text, 'truce held overnight');
      const t = sel(article.text, 'more than 300 fighters');
      const headers = { 'idempotency-key': 'shared' };
      expect((await create(article.id, { ...s, tag: 'un' }, { ...as(analyst), headers })).status).toBe(201);
      expect((await create(article.id, { ...s, tag: 'un' }, { ...as(other), headers })).status).toBe(201);
      const reused = await create(article.id, { ...t, tag: 'un' }, { ...as(analyst), headers });
      expect(reused.status).toBe(409);
      expect(reused.data.error?.message).toMatch(/Idempotency-Key was already used/);
      const bad = await create(article.id, { ...t, tag: 'un' }, { ...as(analyst), headers: { 'idempotency-key': 'has spaces in it' } });
      expect(bad.status).toBe(400);
      expect(await db().annotation.count()).toBe(2);
    });

    it('a replay still returns the annotation after it was re-anchored by a new version', async () => {
      const s = sel(article.text, 'more than 300 fighters');
      const opts = { ...as(analyst), headers: { 'idempotency-key': 'retry-after-edit' } };
      const first = await create(article.id, { ...s, tag: 'intelligence' }, opts);
      expect(first.status).toBe(201);
      const added = await callRoute<CreatedVersionBody>(versionsRoute.POST, `/api/articles/${article.id}/versions`, {
        method: 'POST',
        token: analyst.token,
        params: { id: article.id },
        json: { format: 'text', content: ARTICLE.replace('Officials said', 'Senior officials said') },
      });
      expect(added.status).toBe(201);
      const replay = await create(article.id, { ...s, tag: 'intelligence' }, opts);
      expect(replay.status).toBe(200);
      const a = replay.data.annotation;
      expect(a.id).toBe(first.data.annotation.id);
      expect(a.target.start).toBe(s.start + 'Senior '.length);
      expect(await db().annotation.count()).toBe(1);
    });
  });

  describe('list', () => {
    it('filters by tag, author=me, author id, status, anchorState and q; document order; deleted hidden', async () => {
      const c = await createOk(analyst, article.id, { ...sel(article.text, 'more than 300 fighters'), tag: 'intelligence', note: 'Which agency?' });
      const a = await createOk(analyst, article.id, { ...sel(article.text, 'truce held overnight'), tag: 'un' });
      const b = await createOk(other, article.id, { ...sel(article.text, 'the talks could collapse'), tag: 'analyst', sourceDetail: 'Think tank' });
      const d = await createOk(other, article.id, { ...sel(article.text, 'no such reports'), tag: 'un', note: 'Ministry statement' });
      await db().annotation.update({ where: { id: b.id }, data: { status: 'DISPUTED' } });

      const ids = async (query: Record<string, string>, user = analyst) => {
        const res = await list(user, article.id, query);
        expect(res.status, JSON.stringify(res.data)).toBe(200);
        return res.data.annotations.map((x) => x.id);
      };
      expect(await ids({})).toEqual([a.id, b.id, c.id, d.id]);
      expect(await ids({ tag: 'un' })).toEqual([a.id, d.id]);
      expect(await ids({ author: 'me' })).toEqual([a.id, c.id]);
      expect(await ids({ author: 'me' }, other)).toEqual([b.id, d.id]);
      expect(await ids({ author: other.id })).toEqual([b.id, d.id]);
      expect(await ids({ status: 'DISPUTED' })).toEqual([b.id]);
      expect(await ids({ status: 'UNREVIEWED', tag: 'un', author: 'me' })).toEqual([a.id]);
      expect(await ids({ anchorState: 'exact' })).toEqual([a.id, b.id, c.id, d.id]);
      expect(await ids({ anchorState: 'fuzzy' })).toEqual([]);
      expect(await ids({ q: 'TRUCE' })).toEqual([a.id]); // quote, case-insensitive
      expect(await ids({ q: 'agency' })).toEqual([c.id]); // note
      expect(await ids({ q: 'ministry' })).toEqual([d.id]); // note (the quote does not contain it)
      expect(await ids({ q: 'think tank' })).toEqual([b.id]); // source detail

      expect((await remove(analyst, a.id)).status).toBe(204);
      expect(await ids({})).toEqual([b.id, c.id, d.id]);
      expect(await ids({ q: 'truce' })).toEqual([]);
      // Only an admin may ask for deleted ones.
      expect((await list(analyst, article.id, { includeDeleted: '1' })).status).toBe(403);
      expect(await ids({ includeDeleted: '1' }, admin)).toEqual([a.id, b.id, c.id, d.id]);
    });

    it('q matches % and _ literally, not as wildcards', async () => {
      const a = await createOk(analyst, article.id, { ...sel(article.text, 'truce held overnight'), tag: 'un', note: 'up 50% on last week' });
      await createOk(analyst, article.id, { ...sel(article.text, 'more than 300 fighters'), tag: 'un', note: 'plain note' });
      const pct = await list(analyst, article.id, { q: '%' });
      expect(pct.data.annotations.map((x) => x.id)).toEqual([a.id]);
      const underscore = await list(analyst, article.id, { q: '_' });
      expect(underscore.data.annotations).toEqual([]);
      const literal = await list(analyst, article.id, { q: '50% ON' });
      expect(literal.data.annotations.map((x) => x.id)).toEqual([a.id]);
    });

    it('bad filters → 400 naming the valid values; unknown article → 404', async () => {
      const badStatus = await list(analyst, article.id, { status: 'MAYBE' });
      expect(badStatus.status).toBe(400);
      expect(badStatus.data.error?.message).toMatch(/UNREVIEWED, CONFIRMED, DISPUTED, NEEDS_SOURCE/);
      const badTag = await list(analyst, article.id, { tag: 'rumour' });
      expect(badTag.status).toBe(400);
      expect(badTag.data.error?.message).toMatch(/Unknown tag "rumour"/);
      const unknownParam = await list(analyst, article.id, { sort: 'date' });
      expect(unknownParam.status).toBe(400);
      expect(unknownParam.data.error?.message).toMatch(/Unknown query parameter sort/);
      const missing = await list(analyst, 'nope');
      expect(missing.status).toBe(404);
    });
  });

  describe('update (PATCH)', () => {
    it('only the author: others, a reviewer and an admin get 403 and nothing changes', async () => {
      const a = await createOk(analyst, article.id, { ...sel(article.text, 'truce held overnight'), tag: 'un', note: 'original' });
      for (const user of [other, reviewer, admin]) {
        const res = await patch(user, a.id, { revision: 1, note: 'hijacked' });
        expect(res.status).toBe(403);
        expect(res.data.error?.code).toBe('forbidden');
      }
      const row = await db().annotation.findUniqueOrThrow({ where: { id: a.id } });
      expect(row).toMatchObject({ note: 'original', revision: 1 });
      expect(await db().annotationEvent.count({ where: { annotationId: a.id, action: 'updated' } })).toBe(0);
    });

    it('increments the revision and records before/after of the changed fields only', async () => {
      const a = await createOk(analyst, article.id, { ...sel(article.text, 'truce held overnight'), tag: 'un', note: 'first', confidence: 'low' });
      const res = await patch(analyst, a.id, { revision: 1, tag: 'analyst', note: 'second', confidence: 'low', grade: { reliability: 'C' } });
      expect(res.status).toBe(200);
      const updated = res.data.annotation;
      expect(updated).toMatchObject({ revision: 2, tag: 'analyst', note: 'second', confidence: 'low', grade: { reliability: 'C', credibility: null } });
      expect(await db().annotation.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({ revision: 2, note: 'second', reliability: 'C' });

      const h = await history(analyst, a.id);
      const update = h.data.events.find((e) => e.action === 'updated')!;
      expect(update.actor.id).toBe(analyst.id);
      expect(update.before).toEqual({ tag: 'un', note: 'first', grade: { reliability: null, credibility: null } });
      expect(update.after).toEqual({ tag: 'analyst', note: 'second', grade: { reliability: 'C', credibility: null } });

      // Clearing a field with null is a change too; an identical PATCH is not (no revision bump).
      const cleared = await patch(analyst, a.id, { revision: 2, note: null });
      expect(cleared.data.annotation).toMatchObject({ note: null, revision: 3 });
      const same = await patch(analyst, a.id, { revision: 3, note: '' });
      expect(same.status).toBe(200);
      expect(same.data.annotation.revision).toBe(3);
      expect(await db().annotationEvent.count({ where: { annotationId: a.id, action: 'updated' } })).toBe(2);
    });

    it('a stale revision → 409 with the current annotation in details', async () => {
      const a = await createOk(analyst, article.id, { ...sel(article.text, 'truce held overnight'), tag: 'un' });
      expect((await patch(analyst, a.id, { revision: 1, note: 'one' })).status).toBe(200);
      const stale = await patch(analyst, a.id, { revision: 1, note: 'two' });
      expect(stale.status).toBe(409);
      expect(stale.data.error?.code).toBe('conflict');
      const current = stale.data.error!.details.current;
      expect(current).toMatchObject({ id: a.id, revision: 2, note: 'one' });
      expect((await db().annotation.findUniqueOrThrow({ where: { id: a.id } })).note).toBe('one');
    });

    it('bad bodies → 400; unknown or deleted annotation → 404', async () => {
      const a = await createOk(analyst, article.id, { ...sel(article.text, 'truce held overnight'), tag: 'un' });
      const nothing = await patch(analyst, a.id, { revision: 1 });
      expect(nothing.status).toBe(400);
      expect(nothing.data.error?.message).toMatch(/at least one field/);
      const noRevision = await patch(analyst, a.id, { note: 'x' });
      expect(noRevision.status).toBe(400);
      expect(noRevision.data.error?.details).toEqual([expect.objectContaining({ path: 'revision' })]);
      const moving = await patch(analyst, a.id, { revision: 1, start: 0 });
      expect(moving.status).toBe(400);
      const archived = await db().sourceTag.update({ where: { key: 'intelligence' }, data: { archivedAt: new Date() } });
      const toArchived = await patch(analyst, a.id, { revision: 1, tag: archived.key });
      expect(toArchived.status).toBe(400);
      expect((await db().annotation.findUniqueOrThrow({ where: { id: a.id } })).revision).toBe(1);
      expect((await patch(analyst, 'nope', { revision: 1, note: 'x' })).status).toBe(404);
      await remove(analyst, a.id);
      expect((await patch(analyst, a.id, { revision: 1, note: 'x' })).status).toBe(404);
    });
  });

  describe('delete, restore, history', () => {
    it('the author or an admin soft-deletes (204, row kept); others get 403', async () => {
      const a = await createOk(analyst, article.id, { ...sel(article.text, 'truce held overnight'), tag: 'un' });
      const b = await createOk(analyst, article.id, { ...sel(article.text, 'more than 300 fighters'), tag: 'un' });
      for (const user of [other, reviewer]) {
        const res = await remove(user, a.id);
        expect(res.status).toBe(403);
      }
      expect((await db().annotation.findUniqueOrThrow({ where: { id: a.id } })).deletedAt).toBeNull();

      const own = await remove(analyst, a.id);
      expect(own.status).toBe(204);
      expect(own.text).toBe('');
      const byAdmin = await remove(admin, b.id);
      expect(byAdmin.status).toBe(204);
      const rows = await db().annotation.findMany({ where: { id: { in: [a.id, b.id] } } });
      expect(rows).toHaveLength(2);
      expect(rows.every((r) => r.deletedAt instanceof Date)).toBe(true);

      const get = await callRoute<AnnotationBody>(annotationRoute.GET, `/api/annotations/${a.id}`, { token: analyst.token, params: { id: a.id } });
      expect(get.status).toBe(404);
      expect((await remove(analyst, a.id)).status).toBe(404); // already deleted
      expect(await db().annotationEvent.count({ where: { annotationId: a.id, action: 'deleted' } })).toBe(1);
    });

    it('restore: the author within the undo window, an admin any time, nobody else', async () => {
      const a = await createOk(analyst, article.id, { ...sel(article.text, 'truce held overnight'), tag: 'un' });
      await remove(analyst, a.id);
      expect((await restore(other, a.id)).status).toBe(403);
      expect((await restore(reviewer, a.id)).status).toBe(403);
      const back = await restore(analyst, a.id);
      expect(back.status).toBe(200);
      expect(back.data.annotation).toMatchObject({ id: a.id, deletedAt: null, revision: 2 });
      expect((await db().annotation.findUniqueOrThrow({ where: { id: a.id } })).deletedAt).toBeNull();

      // Past the window the author is refused; an admin is not.
      await remove(analyst, a.id);
      await db().annotation.update({ where: { id: a.id }, data: { deletedAt: new Date(Date.now() - UNDO_WINDOW_MS - 60_000) } });
      const late = await restore(analyst, a.id);
      expect(late.status).toBe(403);
      expect(late.data.error?.message).toMatch(/undo window/);
      expect((await db().annotation.findUniqueOrThrow({ where: { id: a.id } })).deletedAt).not.toBeNull();
      const byAdmin = await restore(admin, a.id);
      expect(byAdmin.status).toBe(200);
      expect((await db().annotation.findUniqueOrThrow({ where: { id: a.id } })).deletedAt).toBeNull();
      // Restoring a live annotation is a no-op, not an error.
      const twice = await restore(analyst, a.id);
      expect(twice.status).toBe(200);
      expect(await db().annotationEvent.count({ where: { annotationId: a.id, action: 'restored' } })).toBe(2);
    });

    it('an annotation deleted before a new version is re-anchored onto it when restored', async () => {
      const s = sel(article.text, 'more than 300 fighters');
      const a = await createOk(analyst, article.id, { ...s, tag: 'intelligence' });
      await remove(analyst, a.id);
      const added = await callRoute<CreatedVersionBody>(versionsRoute.POST, `/api/articles/${article.id}/versions`, {
        method: 'POST',
        token: admin.token,
        params: { id: article.id },
        json: { format: 'text', content: ARTICLE.replace('Officials said', 'Senior officials said') },
      });
      expect(added.status).toBe(201);
      expect(added.data).toMatchObject({ reanchored: 0, orphaned: 0 }); // deleted ones are skipped
      const newVersionId = added.data.version.id;
      const back = await restore(analyst, a.id);
      expect(back.status).toBe(200);
      const restored = back.data.annotation;
      expect(restored).toMatchObject({ versionId: newVersionId, anchorState: 'moved', deletedAt: null });
      expect(restored.target.start).toBe(s.start + 'Senior '.length);
      const newText = (await db().articleVersion.findUniqueOrThrow({ where: { id: newVersionId } })).text;
      expect(newText.slice(restored.target.start, restored.target.end)).toBe(s.exact);
      expect(restored.target.prefix).toBe(newText.slice(restored.target.start - CONTEXT_LENGTH, restored.target.start));
    });

    it('history lists created, updated, deleted, restored in order with actors; readable after delete', async () => {
      const a = await createOk(analyst, article.id, { ...sel(article.text, 'truce held overnight'), tag: 'un' });
      await patch(analyst, a.id, { revision: 1, note: 'edited' });
      await remove(analyst, a.id);
      const whileDeleted = await history(other, a.id);
      expect(whileDeleted.data.events.map((e) => e.action)).toEqual(['created', 'updated', 'deleted']);
      await restore(admin, a.id);
      const h = await history(other, a.id);
      expect(h.status).toBe(200);
      const events = h.data.events;
      expect(events.map((e) => [e.action, e.actor.id])).toEqual([
        ['created', analyst.id],
        ['updated', analyst.id],
        ['deleted', analyst.id],
        ['restored', admin.id],
      ]);
      const times = events.map((e) => Date.parse(e.at));
      expect([...times].sort((x, y) => x - y)).toEqual(times);
      expect(events[2]!.before).toEqual({ deletedAt: null });
      expect(events[3]!.after).toMatchObject({ deletedAt: null });
      expect((await history(analyst, 'nope')).status).toBe(404);
    });
  });

  describe('confirm-anchor', () => {
    it('a copy-edit makes an annotation fuzzy; its author confirms it back to exact', async () => {
      const phrase = 'more than 300 fighters had crossed the border in March';
      const a = await createOk(analyst, article.id, { ...sel(article.text, phrase), tag: 'intelligence' });
      const edited = ARTICLE.replace('more than 300 fighters had crossed', 'more than 300 militants had crossed');
      const added = await callRoute<CreatedVersionBody>(versionsRoute.POST, `/api/articles/${article.id}/versions`, {
        method: 'POST',
        token: admin.token,
        params: { id: article.id },
        json: { format: 'text', content: edited },
      });
      expect(added.status).toBe(201);
      expect(added.data).toMatchObject({ reanchored: 1, orphaned: 0 });
      const newVersionId = added.data.version.id;

      const fuzzy = (await callRoute<AnnotationBody>(annotationRoute.GET, `/api/annotations/${a.id}`, { token: analyst.token, params: { id: a.id } })).data.annotation;
      expect(fuzzy).toMatchObject({ anchorState: 'fuzzy', versionId: newVersionId });
      // Re-anchoring is a change: a confirm still based on the old placement must get 409.
      expect(fuzzy.revision).toBe(a.revision + 1);
      expect((await confirm(analyst, a.id, { revision: a.revision })).status).toBe(409);
      const newText = (await db().articleVersion.findUniqueOrThrow({ where: { id: newVersionId } })).text;
      expect(newText.slice(fuzzy.target.start, fuzzy.target.end)).toBe(fuzzy.target.exact);
      expect(fuzzy.target.exact).toContain('militants');
      expect((await list(analyst, article.id, { anchorState: 'fuzzy' })).data.annotations).toHaveLength(1);

      // Someone else cannot; a stale revision is refused.
      expect((await confirm(other, a.id, { revision: fuzzy.revision })).status).toBe(403);
      const stale = await confirm(analyst, a.id, { revision: fuzzy.revision + 5 });
      expect(stale.status).toBe(409);
      expect(stale.data.error!.details.current.id).toBe(a.id);

      const ok = await confirm(analyst, a.id, { revision: fuzzy.revision });
      expect(ok.status).toBe(200);
      expect(ok.data.annotation).toMatchObject({ anchorState: 'exact', revision: fuzzy.revision + 1, target: fuzzy.target });
      const row = await db().annotation.findUniqueOrThrow({ where: { id: a.id } });
      expect(row.anchorState).toBe('exact');
      const actions = (await history(analyst, a.id)).data.events.map((e) => e.action);
      expect(actions).toEqual(['created', 'reanchored', 'anchor_confirmed']);
    });

    it('a reviewer moves a fuzzy anchor to a corrected span; a wrong quote → 400', async () => {
      const a = await createOk(analyst, article.id, { ...sel(article.text, 'more than 300 fighters had crossed the border'), tag: 'intelligence' });
      const edited = ARTICLE.replace('more than 300 fighters had crossed', 'more than 300 fighters have crossed');
      const added = await callRoute<CreatedVersionBody>(versionsRoute.POST, `/api/articles/${article.id}/versions`, {
        method: 'POST',
        token: admin.token,
        params: { id: article.id },
        json: { format: 'text', content: edited },
      });
      expect(added.status).toBe(201);
      const row = await db().annotation.findUniqueOrThrow({ where: { id: a.id } });
      expect(row.anchorState).toBe('fuzzy');
      const newText = (await db().articleVersion.findUniqueOrThrow({ where: { id: row.versionId } })).text;
      const target = sel(newText, 'more than 300 fighters have crossed the border in March');
      const wrong = await confirm(reviewer, a.id, { revision: row.revision, ...target, exact: 'something else entirely, same length, no....' });
      expect(wrong.status).toBe(400);
      const partial = await confirm(reviewer, a.id, { revision: row.revision, start: target.start });
      expect(partial.status).toBe(400);
      expect(partial.data.error?.message).toMatch(/start, end and exact together/);
      const moved = await confirm(reviewer, a.id, { revision: row.revision, ...target });
      expect(moved.status).toBe(200);
      expect(moved.data.annotation).toMatchObject({ anchorState: 'exact', target: { start: target.start, end: target.end, exact: target.exact } });
      expect(await db().annotation.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({ exact: target.exact, anchorState: 'exact' });
    });
  });
});
