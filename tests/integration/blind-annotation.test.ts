// Blind double annotation (#17): assignment, submit/reopen, and the one visibility rule on every read
// path. The inventory test below calls every GET route under app/api and the SSE stream as an analyst
// who has not submitted, and fails if a colleague's blind annotation (its id or its note) shows anywhere.
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import * as articleRoute from '@/app/api/articles/[id]/route';
import * as submitRoute from '@/app/api/articles/[id]/submit/route';
import * as annotationsRoute from '@/app/api/articles/[id]/annotations/route';
import * as annotationRoute from '@/app/api/annotations/[id]/route';
import * as agreementRoute from '@/app/api/articles/[id]/agreement/route';
import * as exportRoute from '@/app/api/articles/[id]/export/route';
import * as eventsRoute from '@/app/api/articles/[id]/events/route';
import * as reviewsRoute from '@/app/api/annotations/[id]/reviews/route';
import * as repliesRoute from '@/app/api/annotations/[id]/replies/route';
import * as suggestionsRoute from '@/app/api/articles/[id]/suggestions/route';
import * as curationRoute from '@/app/api/articles/[id]/curation/route';
import * as confirmAnchorRoute from '@/app/api/annotations/[id]/confirm-anchor/route';
import * as reopenRoute from '@/app/api/annotations/[id]/reopen/route';
import * as restoreRoute from '@/app/api/annotations/[id]/restore/route';
import * as evidenceRoute from '@/app/api/annotations/[id]/evidence/route';
import * as linkRoute from '@/app/api/evidence/[id]/route';
import * as linkReviewsRoute from '@/app/api/evidence/[id]/reviews/route';
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import type { ArticleAccessDto } from '@/lib/assignments/assignment-dto';
import type { ArticleAgreementDto } from '@/lib/agreement/agreement-dto';
import { getDb } from '@/lib/db/server/prisma';
import { stopLiveHub } from '@/lib/live/server/subscribe';
import type { CurationDto } from '@/lib/curation/curation-dto';
import type { StaleRevision } from '@/tests/support/route-bodies';
import { callRoute } from '@/tests/support/call-route';
import { createAnnotation, createTestUser, DEMO_ARTICLE_TEXT, demoArticle, resetDatabase, SENTENCES, type TestUser } from '@/tests/support/fixtures';
import { createArticle } from '@/lib/articles/server/create-article';
import { storeClaimKeys } from '@/lib/matching/server/store-claim-keys';
import { SseReader } from '@/tests/support/sse-reader';

const SECRET = 'BO-BLIND-SECRET-NOTE';
// An invented source document, written for this test.
const REPORT_TEXT = 'Monitoring report\nThe TTP carried out over 600 attacks in Pakistan in 2025, Member States said.';

let ana: TestUser;
let bo: TestUser;
let reviewer: TestUser;
let admin: TestUser;
let articleId: string;

beforeEach(async () => {
  await resetDatabase();
  ana = await createTestUser('ANALYST', { name: 'Ana' });
  bo = await createTestUser('ANALYST', { name: 'Bo' });
  reviewer = await createTestUser('REVIEWER', { name: 'Rev' });
  admin = await createTestUser('ADMIN', { name: 'Adm' });
  articleId = (await demoArticle()).article.id;
});

afterAll(async () => {
  await stopLiveHub();
});

const patch = (user: TestUser, json: unknown, id = articleId) =>
  callRoute<{ article: { id: string } & ArticleAccessDto }>(articleRoute.PATCH, `/api/articles/${id}`, { method: 'PATCH', token: user.token, json, params: { id } });
const submit = (user: TestUser) => callRoute<{ submittedAt: string }>(submitRoute.POST, `/api/articles/${articleId}/submit`, { method: 'POST', token: user.token, params: { id: articleId } });
const reopen = (user: TestUser, query: Record<string, string> = {}) =>
  callRoute<{ reopened: number }>(submitRoute.DELETE, `/api/articles/${articleId}/submit`, { method: 'DELETE', token: user.token, query, params: { id: articleId } });
const list = (user: TestUser) => callRoute<{ annotations: AnnotationDto[] }>(annotationsRoute.GET, `/api/articles/${articleId}/annotations`, { token: user.token, params: { id: articleId } });
const listIds = async (user: TestUser) => (await list(user)).data.annotations.map((a) => a.id).sort();
const annotateViaApi = (user: TestUser, exact: string, tag = 'un', note?: string) =>
  demoArticle().then(({ version }) => {
    const start = version.text.indexOf(exact);
    return callRoute<{ annotation: AnnotationDto }>(annotationsRoute.POST, `/api/articles/${articleId}/annotations`, {
      method: 'POST',
      token: user.token,
      json: { start, end: start + exact.length, exact, tag, ...(note ? { note } : {}) },
      params: { id: articleId },
    });
  });

async function blindPair() {
  expect((await patch(reviewer, { blind: true, assignees: [ana.id, bo.id], dueAt: '2026-12-24' })).status).toBe(200);
  const mine = await createAnnotation(ana, SENTENCES.twenty, { data: { note: 'ana note' } });
  const theirs = await createAnnotation(bo, SENTENCES.nexus, { tag: 'intelligence', data: { note: SECRET } });
  // Overlapping Ana's with a different tag: a conflict that must not reveal Bo's annotation to her.
  const overlap = await createAnnotation(bo, SENTENCES.twenty, { tag: 'analyst', data: { note: SECRET } });
  return { mine, theirs, overlap };
}

describe('PATCH /api/articles/:id (assignment and blind mode)', () => {
  it('a reviewer assigns analysts with a due date and turns blind mode on; audited; GET shows it', async () => {
    const res = await patch(reviewer, { blind: true, assignees: [ana.id, bo.id], dueAt: '2026-12-24' });
    expect(res.status).toBe(200);
    expect(res.data.article.blind).toBe(true);
    expect(res.data.article.assignments.map((a) => [a.user.name, a.state, a.dueAt])).toEqual([
      ['Ana', 'not_started', '2026-12-24T00:00:00.000Z'],
      ['Bo', 'not_started', '2026-12-24T00:00:00.000Z'],
    ]);
    const events = await getDb().articleEvent.findMany({ where: { articleId }, orderBy: { at: 'asc' }, select: { action: true, actorId: true } });
    expect(events.map((e) => e.action).sort()).toEqual(['assigned', 'assigned', 'blind_on']);
    expect(events.every((e) => e.actorId === reviewer.id)).toBe(true);

    const got = await callRoute<{ article: ArticleAccessDto & { myAssignment: { state: string } | null } }>(articleRoute.GET, `/api/articles/${articleId}`, { token: ana.token, params: { id: articleId } });
    expect(got.data.article.blind).toBe(true);
    expect(got.data.article.myAssignment).toMatchObject({ state: 'not_started' });

    // Dropping Bo unassigns him (audited), blind off is audited too.
    expect((await patch(admin, { assignees: [ana.id], blind: false })).data.article.assignments.map((a) => a.user.name)).toEqual(['Ana']);
    const actions = (await getDb().articleEvent.findMany({ where: { articleId }, select: { action: true } })).map((e) => e.action);
    expect(actions).toContain('unassigned');
    expect(actions).toContain('blind_off');
  });

  it('analysts are refused (403); bad input is a 400 and nothing is stored', async () => {
    const refused = await patch(ana, { blind: true });
    expect(refused.status).toBe(403);
    expect(refused.data.error?.message).toMatch(/reviewers and admins/);
    expect((await patch(reviewer, {})).status).toBe(400);
    expect((await patch(reviewer, { blind: 'yes' })).status).toBe(400);
    expect((await patch(reviewer, { assignees: [ana.id, ana.id] })).status).toBe(400);
    expect((await patch(reviewer, { dueAt: 'tomorrow' })).status).toBe(400);
    expect((await patch(reviewer, { assignees: 'ana' })).status).toBe(400);
    const unknown = await patch(reviewer, { blind: true, assignees: [ana.id, 'nobody'] });
    expect(unknown.status).toBe(400);
    expect(unknown.data.error?.message).toMatch(/nobody/);
    // A reviewer reads everything: assigning one "blind" would not be blind.
    const notBlind = await patch(reviewer, { assignees: [ana.id, reviewer.id] });
    expect(notBlind.status).toBe(400);
    expect(notBlind.data.error?.message).toMatch(/would not be blind/);
    expect(await getDb().assignment.count()).toBe(0);
    expect((await getDb().article.findUniqueOrThrow({ where: { id: articleId } })).blind).toBe(false);
    expect(await getDb().articleEvent.count()).toBe(0);
    expect((await patch(reviewer, { blind: true }, 'no-such-article')).status).toBe(404);
  });
});

describe('POST/DELETE /api/articles/:id/submit', () => {
  it('an assignee submits (idempotent, audited); others are refused; a reviewer reopens', async () => {
    await blindPair();
    expect((await submit(reviewer)).status).toBe(403);
    const outsider = await createTestUser('ANALYST', { name: 'Cy' });
    expect((await submit(outsider)).status).toBe(403);

    const first = await submit(ana);
    expect(first.status).toBe(200);
    expect((await submit(ana)).data.submittedAt).toBe(first.data.submittedAt);
    expect(await getDb().articleEvent.count({ where: { action: 'submitted' } })).toBe(1);

    // Submitted blind work is read-only for its author until reopened.
    const mineId = (await list(ana)).data.annotations[0]!.id;
    const edit = await callRoute(annotationRoute.PATCH, `/api/annotations/${mineId}`, { method: 'PATCH', token: ana.token, json: { revision: 1, note: 'changed' }, params: { id: mineId } });
    expect(edit.status).toBe(403);
    expect(edit.data.error?.message).toMatch(/read-only until a reviewer reopens/);
    expect((await annotateViaApi(ana, SENTENCES.isk)).status).toBe(403);
    expect((await callRoute(annotationRoute.DELETE, `/api/annotations/${mineId}`, { method: 'DELETE', token: ana.token, params: { id: mineId } })).status).toBe(403);

    expect((await reopen(ana)).status).toBe(403);
    expect((await reopen(reviewer, { user: 'stranger' })).status).toBe(400);
    expect((await reopen(reviewer, { bogus: '1' })).status).toBe(400);
    const reopened = await reopen(reviewer, { user: ana.id });
    expect(reopened.status).toBe(200);
    expect(reopened.data.reopened).toBe(1);
    expect(await getDb().articleEvent.count({ where: { action: 'reopened', actorId: reviewer.id } })).toBe(1);
    expect((await annotateViaApi(ana, SENTENCES.isk)).status).toBe(201);
    const row = await getDb().assignment.findFirstOrThrow({ where: { userId: ana.id } });
    expect(row.submittedAt).toBeNull();
    expect(row.reopenedAt).not.toBeNull();
  });

  it('before submitting an analyst reads only their own; after both submit, everyone’s; blind off reveals all', async () => {
    const { mine, theirs, overlap } = await blindPair();
    expect(await listIds(ana)).toEqual([mine.id]);
    expect((await list(ana)).data.annotations[0]!.conflictsWith).toEqual([]);
    expect(await listIds(reviewer)).toEqual([mine.id, theirs.id, overlap.id].sort());
    expect((await list(reviewer)).data.annotations.find((a) => a.id === mine.id)!.conflictsWith).toEqual([overlap.id]);

    await submit(ana);
    expect(await listIds(ana)).toEqual([mine.id]); // Bo has not submitted: his work is still his
    await submit(bo);
    expect(await listIds(ana)).toEqual([mine.id, theirs.id, overlap.id].sort());
    expect(await listIds(bo)).toEqual([mine.id, theirs.id, overlap.id].sort());

    await reopen(reviewer, { user: bo.id });
    expect(await listIds(ana)).toEqual([mine.id]);
    await patch(reviewer, { blind: false });
    expect(await listIds(ana)).toEqual([mine.id, theirs.id, overlap.id].sort());
  });

  it('the answers to an analyst’s own writes name no hidden conflict (create, edit and its 409); a reviewer’s do', async () => {
    const { mine, theirs, overlap } = await blindPair();
    const edit = (user: TestUser, json: Record<string, unknown>) =>
      callRoute<{ annotation: AnnotationDto } & StaleRevision>(annotationRoute.PATCH, `/api/annotations/${mine.id}`, { method: 'PATCH', token: user.token, json, params: { id: mine.id } });
    const edited = await edit(ana, { revision: mine.revision, note: 'ana again' });
    expect(edited.status).toBe(200);
    expect(edited.data.annotation.conflictsWith).toEqual([]);
    const stale = await edit(ana, { revision: mine.revision, note: 'stale' });
    expect(stale.status).toBe(409);
    expect(stale.data.error!.details.current.conflictsWith).toEqual([]);
    const regraded = await edit(reviewer, { revision: edited.data.annotation.revision, grade: { reliability: 'B' } });
    expect(regraded.status).toBe(200);
    expect(regraded.data.annotation.conflictsWith).toEqual([overlap.id]);
    // Bo's other annotation, tagged otherwise on the same words as Ana's new one.
    const created = await annotateViaApi(ana, SENTENCES.nexus);
    expect(created.status).toBe(201);
    expect(created.data.annotation.conflictsWith).toEqual([]);
    expect((await list(reviewer)).data.annotations.find((a) => a.id === created.data.annotation.id)!.conflictsWith).toEqual([theirs.id]);
  });

  it('reviews and replies on a colleague’s hidden annotation are a 404', async () => {
    const { theirs } = await blindPair();
    const id = theirs.id;
    expect((await callRoute(reviewsRoute.POST, `/api/annotations/${id}/reviews`, { method: 'POST', token: ana.token, json: { verdict: 'AGREE' }, params: { id } })).status).toBe(404);
    expect((await callRoute(repliesRoute.POST, `/api/annotations/${id}/replies`, { method: 'POST', token: ana.token, json: { body: 'hi' }, params: { id } })).status).toBe(404);
    expect((await callRoute(reviewsRoute.POST, `/api/annotations/${id}/reviews`, { method: 'POST', token: reviewer.token, json: { verdict: 'AGREE' }, params: { id } })).status).toBe(201);
  });
});

describe('writes on a colleague’s hidden annotation answer 404, as for a missing one', () => {
  it('edit, delete, restore, confirm-anchor, reopen, verdict, reply, evidence (link, edit, delete, verdict on a link)', async () => {
    const { theirs } = await blindPair();
    const id = theirs.id;
    const { version } = await demoArticle();
    const source = await createArticle(getDb(), reviewer, { source: { kind: 'text', format: 'text', text: REPORT_TEXT }, metadata: { title: 'Report', kind: 'source' } });
    const link = await getDb().evidence.create({ data: { annotationId: id, documentId: source.id, relation: 'not_found', note: 'searched', authorId: bo.id } });
    // Bo's annotation as one reopenable and with an uncertain anchor, so every refusal below is about visibility.
    await getDb().annotation.update({ where: { id }, data: { status: 'DISPUTED', anchorState: 'fuzzy' } });
    const as = (user: TestUser) => ({ token: user.token, params: { id } });
    const calls: Array<[string, (user: TestUser) => Promise<{ status: number; text: string }>]> = [
      ['PATCH annotation', (u) => callRoute(annotationRoute.PATCH, `/api/annotations/${id}`, { method: 'PATCH', json: { revision: theirs.revision, note: 'x' }, ...as(u) })],
      ['POST confirm-anchor', (u) => callRoute(confirmAnchorRoute.POST, `/api/annotations/${id}/confirm-anchor`, { method: 'POST', json: { revision: theirs.revision }, ...as(u) })],
      ['POST reopen', (u) => callRoute(reopenRoute.POST, `/api/annotations/${id}/reopen`, { method: 'POST', ...as(u) })],
      ['POST reviews', (u) => callRoute(reviewsRoute.POST, `/api/annotations/${id}/reviews`, { method: 'POST', json: { verdict: 'AGREE' }, ...as(u) })],
      ['POST replies', (u) => callRoute(repliesRoute.POST, `/api/annotations/${id}/replies`, { method: 'POST', json: { body: 'hi' }, ...as(u) })],
      ['POST evidence', (u) => callRoute(evidenceRoute.POST, `/api/annotations/${id}/evidence`, { method: 'POST', json: { documentId: source.id, relation: 'not_found' }, ...as(u) })],
      ['PATCH evidence', (u) => callRoute(linkRoute.PATCH, `/api/evidence/${link.id}`, { method: 'PATCH', json: { revision: 1, note: 'x' }, token: u.token, params: { id: link.id } })],
      ['POST evidence review', (u) => callRoute(linkReviewsRoute.POST, `/api/evidence/${link.id}/reviews`, { method: 'POST', json: { verdict: 'AGREE' }, token: u.token, params: { id: link.id } })],
      ['DELETE evidence', (u) => callRoute(linkRoute.DELETE, `/api/evidence/${link.id}`, { method: 'DELETE', token: u.token, params: { id: link.id } })],
      ['DELETE annotation', (u) => callRoute(annotationRoute.DELETE, `/api/annotations/${id}`, { method: 'DELETE', ...as(u) })],
    ];
    for (const [name, call] of calls) {
      const res = await call(ana);
      expect(res.status, name).toBe(404);
      expect(res.text, name).not.toContain(SECRET);
    }
    // Restoring a deleted hidden annotation: 404 as well (an admin deletes it so it is restorable).
    expect((await callRoute(annotationRoute.DELETE, `/api/annotations/${id}`, { method: 'DELETE', token: admin.token, params: { id } })).status).toBe(204);
    expect((await callRoute(restoreRoute.POST, `/api/annotations/${id}/restore`, { method: 'POST', ...as(ana) })).status).toBe(404);
    // Nothing changed for the refusals; and the same routes are open to whoever may read it (the checks are not vacuous).
    const row = await getDb().annotation.findUniqueOrThrow({ where: { id }, select: { note: true, reopenedAt: true, anchorState: true, _count: { select: { replies: true, reviews: true, evidence: true } } } });
    expect(row).toMatchObject({ note: SECRET, reopenedAt: null, anchorState: 'fuzzy', _count: { replies: 0, reviews: 0, evidence: 1 } });
    expect((await callRoute(restoreRoute.POST, `/api/annotations/${id}/restore`, { method: 'POST', ...as(bo) })).status).toBe(200);
    expect((await callRoute(reopenRoute.POST, `/api/annotations/${id}/reopen`, { method: 'POST', ...as(bo) })).status).toBe(200);
    expect((await callRoute(confirmAnchorRoute.POST, `/api/annotations/${id}/confirm-anchor`, { method: 'POST', json: { revision: (await getDb().annotation.findUniqueOrThrow({ where: { id } })).revision }, ...as(bo) })).status).toBe(200);
    void version;
  });
});

describe('suggestions on a blind article', () => {
  it('a colleague’s annotation does not make a suggestion vanish for an analyst who may not read it', async () => {
    await patch(reviewer, { blind: true, assignees: [ana.id, bo.id] });
    const suggestions = (user: TestUser) =>
      callRoute<{ suggestions: Array<{ start: number; end: number }> }>(suggestionsRoute.GET, `/api/articles/${articleId}/suggestions`, { token: user.token, params: { id: articleId } }).then((r) =>
        r.data.suggestions.map((x) => `${x.start}:${x.end}`),
      );
    const before = await suggestions(ana);
    expect(before.length).toBeGreaterThan(0);
    // Bo marks exactly what was suggested.
    const { version } = await demoArticle();
    const [start, end] = before[0]!.split(':').map(Number) as [number, number];
    await createAnnotation(bo, version.text.slice(start, end));
    expect(await suggestions(ana)).toEqual(before);
    expect(await suggestions(bo)).not.toContain(before[0]);
  });
});

describe('agreement on blind work', () => {
  it('is computed on submitted work only, flagged blind; "no data" until two have submitted', async () => {
    await blindPair();
    const agreement = () => callRoute<ArticleAgreementDto>(agreementRoute.GET, `/api/articles/${articleId}/agreement`, { token: reviewer.token, params: { id: articleId } });
    let res = await agreement();
    expect(res.data.blind).toBe(true);
    expect(res.data.warning).toBeNull();
    expect(res.data.cohenKappa).toBeNull();
    expect(res.data.reason).toMatch(/submitted/);
    await submit(ana);
    await submit(bo);
    res = await agreement();
    expect(res.data.analysts.map((a) => a.name)).toEqual(['Ana', 'Bo']);
    expect(res.data.sharedUnits).toBe(1);
    expect(res.data.disagreements.length).toBeGreaterThan(0);
    await patch(reviewer, { blind: false });
    res = await agreement();
    expect(res.data.blind).toBe(false);
    expect(res.data.warning).toMatch(/in the open/);
  });
});

// ── Every read path ─────────────────────────────────────────────────────────

const METHODS_READ = ['GET'] as const;
function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return name === 'route.ts' ? [full] : [];
  });
}
const root = process.cwd();
const files = routeFiles(join(root, 'app/api')).map((f) => relative(root, f).split(sep).join('/'));
const SKIP = new Set(['app/api/auth/[...nextauth]/route.ts', 'app/api/articles/[id]/events/route.ts']);

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function openStream(user: TestUser, lastEventId?: number) {
  const controller = new AbortController();
  const headers: Record<string, string> = { host: 'localhost:3000', authorization: `Bearer ${user.token}`, accept: 'text/event-stream' };
  if (lastEventId !== undefined) headers['last-event-id'] = String(lastEventId);
  const res = await eventsRoute.GET(new Request(`http://localhost:3000/api/articles/${articleId}/events`, { headers, signal: controller.signal }), { params: Promise.resolve({ id: articleId }) });
  return { controller, reader: new SseReader(res.body!.getReader()) };
}

describe('an analyst who has not submitted cannot read a colleague’s blind annotations anywhere', () => {
  it('every GET route (the route inventory), with every export format', async () => {
    const { mine, theirs, overlap } = await blindPair();
    const hidden = [theirs.id, overlap.id];
    // A second, open article restating Bo's claim: claim matching must not offer his blind work as "seen before".
    await getDb().annotation.updateMany({ where: { id: { in: hidden } }, data: { status: 'CONFIRMED' } });
    const open = await createArticle(getDb(), reviewer, { source: { kind: 'text', format: 'text', text: DEMO_ARTICLE_TEXT }, metadata: { title: 'Reprint' } });
    const openVersion = await getDb().articleVersion.findFirstOrThrow({ where: { articleId: open.id } });
    const restated = await createAnnotation(ana, SENTENCES.nexus, { on: { articleId: open.id, versionId: openVersion.id, text: openVersion.text } });
    await getDb().$transaction((tx) =>
      storeClaimKeys(tx, [{ id: restated.id, articleId: open.id, exact: restated.exact }, ...[theirs, overlap].map((a) => ({ id: a.id, articleId, exact: a.exact }))]),
    );
    // A source Bo's hidden claim cites (cited-by, citedBy) and a reviewer's claim restating it (matchOf, "also checked").
    const source = await createArticle(getDb(), reviewer, { source: { kind: 'text', format: 'text', text: REPORT_TEXT }, metadata: { title: 'Report', kind: 'source' } });
    const passageStart = REPORT_TEXT.indexOf('600 attacks');
    await getDb().evidence.create({
      data: { annotationId: theirs.id, documentId: source.id, versionId: (await getDb().articleVersion.findFirstOrThrow({ where: { articleId: source.id } })).id, exact: '600 attacks', prefix: '', suffix: '', start: passageStart, end: passageStart + 11, anchorState: 'exact', relation: 'supports', note: SECRET, authorId: bo.id },
    });
    const restatedByReviewer = await createAnnotation(reviewer, SENTENCES.twenty, { on: { articleId: open.id, versionId: openVersion.id, text: openVersion.text } });
    await getDb().annotation.update({ where: { id: restatedByReviewer.id }, data: { matchOfId: theirs.id } });
    // Ana's own claim cites Bo's hidden one (a reviewer linked it): the link's events must not name it either (history).
    const cites = await callRoute(evidenceRoute.POST, `/api/annotations/${restated.id}/evidence`, {
      method: 'POST',
      token: reviewer.token,
      json: { documentId: articleId, targetAnnotationId: theirs.id, relation: 'supports', note: SECRET },
      params: { id: restated.id },
    });
    expect(cites.status, cites.text).toBe(201);
    const citedBy = async (user: TestUser) =>
      (await callRoute<{ article: { citedBy: number } }>(articleRoute.GET, `/api/articles/${source.id}`, { token: user.token, params: { id: source.id } })).data.article.citedBy;
    expect(await citedBy(ana)).toBe(0);
    expect(await citedBy(reviewer)).toBe(1);

    const gets = files.filter((f) => !SKIP.has(f));
    let called = 0;
    for (const file of gets) {
      const mod = (await import(pathToFileURL(join(root, file)).href)) as Record<string, unknown>;
      for (const method of METHODS_READ) {
        if (typeof mod[method] !== 'function') continue;
        const handler = mod[method] as Handler;
        // Each [param] as what the route is about: the blind article, a hidden annotation, or Ana's own.
        const targets = file.includes('/annotations/[id]/') || file === 'app/api/annotations/[id]/route.ts' ? [theirs.id, overlap.id, mine.id, restated.id, restatedByReviewer.id] : [articleId, open.id, source.id];
        const queries = file.endsWith('/export/route.ts')
          ? ['md', 'html', 'csv', 'jsonld', 'claimreview'].map((f) => `?format=${f}`)
          : file.endsWith('/evidence/proposals/route.ts')
            ? [`?documentId=${open.id}`]
            : [''];
        for (const id of targets) {
          for (const query of queries) {
            const path = '/' + file.replace(/^app\//, '').replace(/\/route\.ts$/, '').replace(/\[\.{0,3}(\w+)\]/g, id) + query;
            const res = await handler(new Request(`http://localhost${path}`, { headers: { authorization: `Bearer ${ana.token}` } }), {
              params: Promise.resolve(new Proxy({}, { get: (_t, key) => (typeof key === 'string' ? id : undefined) })),
            });
            const text = await res.text();
            called++;
            expect(text, `${method} ${path}`).not.toContain(SECRET);
            for (const h of hidden) expect(text, `${method} ${path} names ${h}`).not.toContain(h);
            if (hidden.includes(id)) expect([403, 404], `${method} ${path}`).toContain(res.status);
          }
        }
      }
    }
    expect(called).toBeGreaterThan(20);
    // The same routes answer the reviewer with Bo's work: the check above is not vacuous.
    const asReviewer = await callRoute(exportRoute.GET, `/api/articles/${articleId}/export`, { token: reviewer.token, query: { format: 'csv' }, params: { id: articleId } });
    expect(asReviewer.text).toContain(SECRET);
  });

  it('the SSE stream and its replay', async () => {
    await patch(reviewer, { blind: true, assignees: [ana.id, bo.id] });
    const stream = await openStream(ana);
    try {
      await stream.reader.next((m) => m.event === 'presence');
      const theirs = await annotateViaApi(bo, SENTENCES.nexus, 'un', SECRET);
      expect(theirs.status).toBe(201);
      const mine = await annotateViaApi(ana, SENTENCES.twenty);
      const got = await stream.reader.next((m) => m.event === 'annotation.created');
      expect(got.data).toMatchObject({ annotation: { id: mine.data.annotation.id } });
      expect(stream.reader.seen.map((m) => m.raw).join('\n')).not.toContain(SECRET);
      expect(stream.reader.seen.map((m) => m.raw).join('\n')).not.toContain(theirs.data.annotation.id);

      // Both submit: an access change arrives, after which Bo's work flows to Ana.
      await submit(ana);
      await submit(bo);
      await stream.reader.next((m) => m.event === 'access.changed' && (m.data as { seq: number }).seq === 5);
      await callRoute(annotationRoute.PATCH, `/api/annotations/${theirs.data.annotation.id}`, { method: 'PATCH', token: reviewer.token, json: { revision: 1, grade: { reliability: 'B', credibility: 2 } }, params: { id: theirs.data.annotation.id } });
      expect((await stream.reader.next((m) => m.event === 'annotation.updated')).data).toMatchObject({ annotation: { id: theirs.data.annotation.id } });
    } finally {
      stream.controller.abort();
    }

    // A reconnect from the start, before Bo's submission is reopened, replays nothing of his... after reopening.
    await reopen(reviewer, { user: bo.id });
    const replay = await openStream(ana, 0);
    try {
      await replay.reader.next((m) => m.event === 'presence');
      expect(replay.reader.seen.map((m) => m.raw).join('\n')).not.toContain(SECRET);
    } finally {
      replay.controller.abort();
    }
  });
});

// ── Curation ────────────────────────────────────────────────────────────────

describe('GET/POST /api/articles/:id/curation', () => {
  const curation = (user: TestUser) => callRoute<CurationDto>(curationRoute.GET, `/api/articles/${articleId}/curation`, { token: user.token, params: { id: articleId } });
  const decide = (user: TestUser, json: unknown) =>
    callRoute<{ annotation: AnnotationDto | null; annotations?: AnnotationDto[]; accepted?: number }>(curationRoute.POST, `/api/articles/${articleId}/curation`, { method: 'POST', token: user.token, json, params: { id: articleId } });

  it('units, bulk accept of agreed units, pick / edit / reject; curated annotations link their origins; the brief uses the curated layer', async () => {
    const { mine, overlap, theirs } = await blindPair();
    // Agreement on one more claim: both tag it `un` on the same words.
    // Bo marked it first (the ids do not say so): the accepted version is the one marked first, with its note.
    const agreedA = await createAnnotation(ana, SENTENCES.shelter, { data: { note: 'ana-agreed', createdAt: new Date('2026-01-02T10:00:00Z') } });
    const agreedB = await createAnnotation(bo, SENTENCES.shelter, { data: { note: 'bo-agreed', createdAt: new Date('2026-01-02T09:00:00Z') } });
    await submit(ana);
    await submit(bo);

    expect((await curation(ana)).status).toBe(403);
    const res = await curation(reviewer);
    expect(res.status).toBe(200);
    const byMember = (id: string) => res.data.units.find((u) => u.annotations.some((a) => a.id === id))!;
    expect(byMember(agreedA.id).agreement).toBe('all');
    expect(byMember(mine.id).agreement).toBe('span'); // same words, different tags
    expect(byMember(mine.id).annotations.map((a) => a.id).sort()).toEqual([mine.id, overlap.id].sort());
    expect(byMember(theirs.id).agreement).toBe('single');
    expect(res.data.agreedUndecided).toBe(1);

    const bulk = await decide(reviewer, { acceptAgreed: true });
    expect(bulk.status).toBe(201);
    expect(bulk.data.accepted).toBe(1);
    expect(bulk.data.annotations![0]).toMatchObject({ curated: true, tag: 'un', author: { id: reviewer.id }, note: 'bo-agreed' });
    expect(bulk.data.annotations![0]!.curatedFrom.sort()).toEqual([agreedA.id, agreedB.id].sort());

    const picked = await decide(reviewer, { key: byMember(mine.id).key, accept: overlap.id });
    expect(picked.status).toBe(201);
    expect(picked.data.annotation).toMatchObject({ curated: true, tag: 'analyst' });
    // Changing one's mind replaces the curated annotation.
    const { version } = await demoArticle();
    const start = version.text.indexOf(SENTENCES.twenty);
    const edited = await decide(reviewer, { key: byMember(mine.id).key, decision: { tag: 'intelligence', start, end: start + SENTENCES.twenty.length, exact: SENTENCES.twenty } });
    expect(edited.status).toBe(201);
    expect((await getDb().annotation.findUniqueOrThrow({ where: { id: picked.data.annotation!.id } })).deletedAt).not.toBeNull();
    expect((await decide(reviewer, { key: byMember(theirs.id).key, reject: true })).data.annotation).toBeNull();

    const after = await curation(reviewer);
    expect(after.data.decided).toBe(3);
    expect(after.data.units.find((u) => u.key === byMember(mine.id).key)!.decision).toMatchObject({ kind: 'edit', annotation: { tag: 'intelligence' } });
    // Audited in the curated annotation's history.
    expect(await getDb().annotationEvent.count({ where: { annotationId: edited.data.annotation!.id, action: 'created' } })).toBe(1);

    // The brief is the curated layer now: two curated claims, none of the analysts' raw ones.
    const csv = await callRoute(exportRoute.GET, `/api/articles/${articleId}/export`, { token: reviewer.token, query: { format: 'csv' }, params: { id: articleId } });
    expect(csv.text).not.toContain(SECRET);
    expect(csv.text).not.toContain('ana note');
    expect(csv.text).toContain('intelligence');
  });

  it('the brief’s layer option: curated by default once it exists, layer=all for the analysts’ work, analysts only what they may read', async () => {
    const exportCsv = (user: TestUser, query: Record<string, string> = {}) =>
      callRoute(exportRoute.GET, `/api/articles/${articleId}/export`, { token: user.token, query: { format: 'csv', ...query }, params: { id: articleId } });
    const rows = (text: string) => text.slice(1).trimEnd().split('\r\n').length - 1;
    const { theirs } = await blindPair();
    // No curated layer yet: the default and layer=all are the same, layer=curated says why it cannot be.
    expect(rows((await exportCsv(reviewer)).text)).toBe(3);
    expect(rows((await exportCsv(reviewer, { layer: 'all' })).text)).toBe(3);
    const none = await exportCsv(reviewer, { layer: 'curated' });
    expect(none.status).toBe(400);
    expect(none.data.error?.message).toMatch(/no curated layer you can read yet/);
    const bad = await exportCsv(reviewer, { layer: 'raw' });
    expect(bad.status).toBe(400);
    expect(bad.data.error?.message).toMatch(/"layer" must be "all" or "curated", got "raw".*layer=all\|curated/);

    // An unsubmitted analyst asking for everything still gets her own work only.
    const anaAll = await exportCsv(ana, { layer: 'all' });
    expect(anaAll.status).toBe(200);
    expect(anaAll.text).not.toContain(SECRET);
    expect(rows(anaAll.text)).toBe(1);

    await submit(ana);
    await submit(bo);
    const units = (await curation(reviewer)).data.units;
    const unit = units.find((u) => u.annotations.some((a) => a.id === theirs.id))!;
    expect((await decide(reviewer, { key: unit.key, accept: theirs.id })).status).toBe(201);

    const curatedOnly = await exportCsv(reviewer);
    expect(rows(curatedOnly.text)).toBe(1);
    expect(rows((await exportCsv(reviewer, { layer: 'curated' })).text)).toBe(1);
    const everything = await exportCsv(reviewer, { layer: 'all' });
    expect(rows(everything.text)).toBe(4);
    expect(everything.text).toContain('ana note');
    // After both submitted, Ana reads everyone's submitted work and the curated layer: layer=all is all of it for her too.
    expect(rows((await exportCsv(ana, { layer: 'all' })).text)).toBe(4);
    expect(rows((await exportCsv(ana)).text)).toBe(1);
  });

  it('bad input is a 400, an unknown unit a 404, analysts a 403; nothing is stored', async () => {
    await blindPair();
    for (const json of [{}, { key: 'nope', reject: true }, { key: 'u0000000000000000', reject: false }, { acceptAgreed: 'yes' }, { key: 'u0000000000000000', accept: 5 }]) {
      expect((await decide(reviewer, json)).status, JSON.stringify(json)).toBe(400);
    }
    expect((await decide(reviewer, { key: 'u0000000000000000', reject: true })).status).toBe(404);
    const unit = (await curation(reviewer)).data.units[0]!;
    expect((await decide(ana, { key: unit.key, reject: true })).status).toBe(403);
    expect((await decide(reviewer, { key: unit.key, accept: 'not-in-unit' })).status).toBe(400);
    expect((await decide(reviewer, { key: unit.key, decision: { tag: 'un', start: 0, end: 5, exact: 'wrong' } })).status).toBe(400);
    expect(await getDb().curationDecision.count()).toBe(0);
    expect(await getDb().annotation.count({ where: { curated: true } })).toBe(0);
  });
});
