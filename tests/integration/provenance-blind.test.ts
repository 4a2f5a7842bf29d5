// Provenance respects blind annotation (#15 × #17): a claim's link that cites a colleague's blind
// annotation on another article does not count in the claim's provenance and evidence count for an
// analyst who may not read that annotation (their evidence list and brief leave the link out too);
// reviewers, and the cited annotation's author, see it counted. List, changes, single read, and each
// viewer's copy of the live stream (replayed and live).
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as eventsRoute from '@/app/api/articles/[id]/events/route';
import { stopLiveHub } from '@/lib/live/server/subscribe';
import { SseReader } from '@/tests/support/sse-reader';
import * as articlesRoute from '@/app/api/articles/route';
import * as articleRoute from '@/app/api/articles/[id]/route';
import * as annotationsRoute from '@/app/api/articles/[id]/annotations/route';
import * as annotationRoute from '@/app/api/annotations/[id]/route';
import * as evidenceRoute from '@/app/api/annotations/[id]/evidence/route';
import * as linkRoute from '@/app/api/evidence/[id]/route';
import * as submitRoute from '@/app/api/articles/[id]/submit/route';
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import type { ArticleSummaryDto } from '@/lib/articles/article-dto';
import { getDb } from '@/lib/db/server/prisma';
import type { EvidenceDto } from '@/lib/provenance/evidence-dto';
import { callRoute } from '@/tests/support/call-route';
import { createAnnotation, createTestUser, demoArticle, resetDatabase, SENTENCES, type TestUser } from '@/tests/support/fixtures';

// Invented documents, written for this test.
const CITED = ['Earlier wire story', 'Officials said the TTP carried out over 600 attacks in Pakistan in 2025 alone.'].join('\n');
const REPORT = ['Conflict monitor annual review', 'The monitor recorded more than 600 attacks attributed to the TTP in 2025.'].join('\n');
const PASSAGE = 'The monitor recorded more than 600 attacks attributed to the TTP in 2025.';

describe('provenance on the annotation JSON follows the viewer’s blind scope', () => {
  let ana: TestUser;
  let bo: TestUser;
  let reviewer: TestUser;
  let claimId: string;
  let citedId: string;
  let articleId: string;

  const importDoc = async (user: TestUser, json: Record<string, unknown>) => {
    const res = await callRoute<{ article: ArticleSummaryDto }>(articlesRoute.POST, '/api/articles', { method: 'POST', token: user.token, json: { format: 'text', ...json } });
    expect(res.status).toBe(201);
    return res.data.article.id;
  };
  const link = async (user: TestUser, json: unknown) => {
    const res = await callRoute<{ evidence: EvidenceDto }>(evidenceRoute.POST, `/api/annotations/${claimId}/evidence`, { method: 'POST', token: user.token, json, params: { id: claimId } });
    expect(res.status).toBe(201);
    return res.data.evidence;
  };
  const fromList = async (user: TestUser) =>
    (await callRoute<{ annotations: AnnotationDto[] }>(annotationsRoute.GET, `/api/articles/${articleId}/annotations`, { token: user.token, params: { id: articleId } })).data.annotations.find((a) => a.id === claimId)!;
  const fromChanges = async (user: TestUser) =>
    (
      await callRoute<{ annotations: AnnotationDto[] }>(annotationsRoute.GET, `/api/articles/${articleId}/annotations`, { token: user.token, params: { id: articleId }, query: { since: '0' } })
    ).data.annotations.find((a) => a.id === claimId)!;
  const single = async (user: TestUser) => (await callRoute<{ annotation: AnnotationDto }>(annotationRoute.GET, `/api/annotations/${claimId}`, { token: user.token, params: { id: claimId } })).data.annotation;
  const seenBy = async (user: TestUser) => {
    const views = [await fromList(user), await fromChanges(user), await single(user)].map((a) => ({ provenance: a.provenance, evidenceCount: a.evidenceCount }));
    expect(views[1]).toEqual(views[0]);
    expect(views[2]).toEqual(views[0]);
    return views[0];
  };
  const evidenceOf = async (user: TestUser) => (await callRoute<{ evidence: EvidenceDto[] }>(evidenceRoute.GET, `/api/annotations/${claimId}/evidence`, { token: user.token, params: { id: claimId } })).data.evidence;
  const submit = async (user: TestUser) => expect((await callRoute(submitRoute.POST, `/api/articles/${citedId}/submit`, { method: 'POST', token: user.token, params: { id: citedId } })).status).toBe(200);

  const streams: AbortController[] = [];
  const openStream = async (user: TestUser, lastEventId: number) => {
    const controller = new AbortController();
    streams.push(controller);
    const headers = { host: 'localhost:3000', authorization: `Bearer ${user.token}`, accept: 'text/event-stream', 'last-event-id': String(lastEventId) };
    const res = await eventsRoute.GET(new Request(`http://localhost:3000/api/articles/${articleId}/events`, { headers, signal: controller.signal }), { params: Promise.resolve({ id: articleId }) });
    expect(res.status).toBe(200);
    return new SseReader(res.body!.getReader());
  };
  afterEach(() => {
    for (const c of streams.splice(0)) c.abort();
  });
  afterAll(async () => {
    await stopLiveHub();
  });

  beforeEach(async () => {
    await resetDatabase();
    ana = await createTestUser('ANALYST', { name: 'Ana' });
    bo = await createTestUser('ANALYST', { name: 'Bo' });
    reviewer = await createTestUser('REVIEWER', { name: 'Rev' });
    articleId = (await demoArticle()).article.id;
    claimId = (await createAnnotation(ana, SENTENCES.ttp600)).id;
    // The cited article is under a double-blind check by Ana and Bo; Bo's annotation there is hidden from Ana until both submit.
    citedId = await importDoc(reviewer, { content: CITED });
    const patched = await callRoute(articleRoute.PATCH, `/api/articles/${citedId}`, { method: 'PATCH', token: reviewer.token, json: { blind: true, assignees: [ana.id, bo.id] }, params: { id: citedId } });
    expect(patched.status).toBe(200);
    const version = await getDb().articleVersion.findFirstOrThrow({ where: { articleId: citedId } });
    const target = await createAnnotation(bo, 'over 600 attacks', { on: { articleId: citedId, versionId: version.id, text: version.text } });
    await link(reviewer, { documentId: citedId, targetAnnotationId: target.id, relation: 'supports' });
  });

  it('an analyst who has not submitted sees a claim whose only link cites hidden blind work as unlinked; a reviewer and the cited author see it linked', async () => {
    expect(await evidenceOf(ana)).toEqual([]);
    expect(await seenBy(ana)).toEqual({ provenance: 'unlinked', evidenceCount: 0 });
    expect(await seenBy(reviewer)).toEqual({ provenance: 'verified', evidenceCount: 1 });
    expect(await seenBy(bo)).toEqual({ provenance: 'verified', evidenceCount: 1 });
    // Once both have submitted, Ana reads Bo's annotation: the link counts for her too.
    await submit(ana);
    expect(await seenBy(ana)).toEqual({ provenance: 'unlinked', evidenceCount: 0 });
    await submit(bo);
    expect(await seenBy(ana)).toEqual({ provenance: 'verified', evidenceCount: 1 });
  });

  it('only the hidden link drops out: the state is derived from the links the analyst may read', async () => {
    const sourceId = await importDoc(reviewer, { content: REPORT, kind: 'source', issuer: 'Conflict monitor' });
    const start = REPORT.indexOf(PASSAGE);
    const version = await getDb().articleVersion.findFirstOrThrow({ where: { articleId: citedId } });
    const contra = await createAnnotation(bo, 'in 2025 alone', { on: { articleId: citedId, versionId: version.id, text: version.text } });
    await link(reviewer, { documentId: citedId, targetAnnotationId: contra.id, relation: 'contradicts' });
    await link(reviewer, { documentId: sourceId, start, end: start + PASSAGE.length, exact: PASSAGE, relation: 'supports' });
    expect(await seenBy(reviewer)).toEqual({ provenance: 'contradicted', evidenceCount: 3 });
    expect((await evidenceOf(ana)).map((e) => e.relation)).toEqual(['supports']);
    expect(await seenBy(ana)).toEqual({ provenance: 'verified', evidenceCount: 1 });
  });

  it('the answer to an analyst’s own link write counts only the links she may read', async () => {
    const version = await getDb().articleVersion.findFirstOrThrow({ where: { articleId: citedId } });
    const contra = await createAnnotation(bo, 'in 2025 alone', { on: { articleId: citedId, versionId: version.id, text: version.text } });
    await link(reviewer, { documentId: citedId, targetAnnotationId: contra.id, relation: 'contradicts' });
    const sourceId = await importDoc(reviewer, { content: REPORT, kind: 'source', issuer: 'Conflict monitor' });
    const start = REPORT.indexOf(PASSAGE);
    const created = await callRoute<{ evidence: EvidenceDto; annotation: AnnotationDto }>(evidenceRoute.POST, `/api/annotations/${claimId}/evidence`, {
      method: 'POST',
      token: ana.token,
      json: { documentId: sourceId, start, end: start + PASSAGE.length, exact: PASSAGE, relation: 'supports' },
      params: { id: claimId },
    });
    expect(created.status).toBe(201);
    expect(created.data.annotation).toMatchObject({ provenance: 'verified', evidenceCount: 1 });
    const changed = await callRoute<{ annotation: AnnotationDto }>(linkRoute.PATCH, `/api/evidence/${created.data.evidence.id}`, {
      method: 'PATCH',
      token: ana.token,
      json: { revision: created.data.evidence.revision, relation: 'partial' },
      params: { id: created.data.evidence.id },
    });
    expect(changed.status).toBe(200);
    expect(changed.data.annotation).toMatchObject({ provenance: 'partial', evidenceCount: 1 });
    expect(await seenBy(reviewer)).toEqual({ provenance: 'contradicted', evidenceCount: 3 });
  });

  it('the live stream: an analyst is not sent the hidden link, and each viewer’s copy of the claim counts only what it may read', async () => {
    const isClaim = (m: { event: string; data: unknown }) => (m.data as { annotationId?: string } | null)?.annotationId === claimId;
    // Replayed from the start: the link's event (seq 1) reaches the reviewer, not Ana.
    const anaStream = await openStream(ana, 0);
    const revStream = await openStream(reviewer, 0);
    expect(await revStream.next(isClaim)).toMatchObject({ event: 'evidence.created', data: { annotation: { provenance: 'verified', evidenceCount: 1 } } });
    await anaStream.next((m) => m.event === 'presence');
    expect(anaStream.seen.filter(isClaim)).toEqual([]);
    // Live: Ana edits her claim; her copy says unlinked, the reviewer's verified.
    const edited = await callRoute(annotationRoute.PATCH, `/api/annotations/${claimId}`, { method: 'PATCH', token: ana.token, params: { id: claimId }, json: { revision: 1, note: 'checked' } });
    expect(edited.status).toBe(200);
    expect(await anaStream.next(isClaim)).toMatchObject({ event: 'annotation.updated', data: { annotation: { note: 'checked', provenance: 'unlinked', evidenceCount: 0 } } });
    expect(await revStream.next(isClaim)).toMatchObject({ event: 'annotation.updated', data: { annotation: { note: 'checked', provenance: 'verified', evidenceCount: 1 } } });
    // Live: another hidden link is not sent to Ana at all.
    const version = await getDb().articleVersion.findFirstOrThrow({ where: { articleId: citedId } });
    const again = await createAnnotation(bo, 'in 2025 alone', { on: { articleId: citedId, versionId: version.id, text: version.text } });
    await link(reviewer, { documentId: citedId, targetAnnotationId: again.id, relation: 'partial' });
    expect(await revStream.next(isClaim)).toMatchObject({ event: 'evidence.created', data: { annotation: { evidenceCount: 2 } } });
    const later = await callRoute(annotationRoute.PATCH, `/api/annotations/${claimId}`, { method: 'PATCH', token: ana.token, params: { id: claimId }, json: { revision: 2, note: 'checked again' } });
    expect(later.status).toBe(200);
    expect(await anaStream.next(isClaim)).toMatchObject({ event: 'annotation.updated', data: { annotation: { note: 'checked again', evidenceCount: 0 } } });
    expect(anaStream.seen.filter((m) => m.event.startsWith('evidence.'))).toEqual([]);
  });

  it('live: when the cited article’s access changes, the claim is sent again and each viewer’s chip follows', async () => {
    const isClaim = (m: { event: string; data: unknown }) => (m.data as { annotationId?: string } | null)?.annotationId === claimId;
    const anaStream = await openStream(ana, 1);
    await anaStream.next((m) => m.event === 'presence');
    // Ana submits: Bo's work is still hidden from her (he has not submitted), her copy stays unlinked.
    await submit(ana);
    expect(await anaStream.next(isClaim)).toMatchObject({ event: 'annotation.updated', data: { annotation: { id: claimId, provenance: 'unlinked', evidenceCount: 0 } } });
    // Bo submits: Ana now reads his annotation, and the claim in the other article turns verified in her reader.
    await submit(bo);
    expect(await anaStream.next(isClaim)).toMatchObject({ event: 'annotation.updated', data: { annotation: { id: claimId, provenance: 'verified', evidenceCount: 1 } } });
    // A reviewer reopening Bo's submission hides it again.
    const reopened = await callRoute(submitRoute.DELETE, `/api/articles/${citedId}/submit`, { method: 'DELETE', token: reviewer.token, params: { id: citedId }, query: { user: bo.id } });
    expect(reopened.status).toBe(200);
    expect(await anaStream.next(isClaim)).toMatchObject({ event: 'annotation.updated', data: { annotation: { id: claimId, provenance: 'unlinked', evidenceCount: 0 } } });
    // Blind mode off: everything is revealed.
    const open = await callRoute(articleRoute.PATCH, `/api/articles/${citedId}`, { method: 'PATCH', token: reviewer.token, json: { blind: false }, params: { id: citedId } });
    expect(open.status).toBe(200);
    expect(await anaStream.next(isClaim)).toMatchObject({ event: 'annotation.updated', data: { annotation: { id: claimId, provenance: 'verified', evidenceCount: 1 } } });
  });
});
