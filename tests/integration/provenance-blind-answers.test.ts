// Provenance respects blind annotation in every answer that carries annotation JSON (#15 × #17), not
// only in the article's list, single read and stream (provenance-blind.test.ts): the answers to writes
// on the claim (create replayed, edit and its 409, confirm-anchor and its 409, restore, reopen, a
// verdict), the review queue (and its provenance=unlinked filter), conflicts, cited-by, claim matches,
// known claims; the brief and the claim's history (the hidden link's events). A claim has two links: a passage of a source that anyone may read
// ("supports") and a colleague's blind annotation on another article ("contradicts"). An analyst who
// may not read that annotation sees the claim verified with one link; a reviewer (or admin) sees it
// contradicted with two.
import { beforeEach, describe, expect, it } from 'vitest';
import * as articlesRoute from '@/app/api/articles/route';
import * as articleRoute from '@/app/api/articles/[id]/route';
import * as annotationsRoute from '@/app/api/articles/[id]/annotations/route';
import * as citedByRoute from '@/app/api/articles/[id]/cited-by/route';
import * as conflictsRoute from '@/app/api/articles/[id]/conflicts/route';
import * as exportRoute from '@/app/api/articles/[id]/export/route';
import * as knownRoute from '@/app/api/articles/[id]/known-claims/route';
import * as annotationRoute from '@/app/api/annotations/[id]/route';
import * as confirmAnchorRoute from '@/app/api/annotations/[id]/confirm-anchor/route';
import * as evidenceRoute from '@/app/api/annotations/[id]/evidence/route';
import * as historyRoute from '@/app/api/annotations/[id]/history/route';
import * as matchesRoute from '@/app/api/annotations/[id]/matches/route';
import * as reopenRoute from '@/app/api/annotations/[id]/reopen/route';
import * as restoreRoute from '@/app/api/annotations/[id]/restore/route';
import * as reviewsRoute from '@/app/api/annotations/[id]/reviews/route';
import * as deskRoute from '@/app/api/desk/route';
import * as queueRoute from '@/app/api/review-queue/route';
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import type { AnnotationEventDto } from '@/lib/annotations/annotation-event-dto';
import type { ArticleSummaryDto } from '@/lib/articles/article-dto';
import { getDb } from '@/lib/db/server/prisma';
import type { ClaimMatchDto, KnownClaimDto } from '@/lib/matching/matching-dto';
import type { CitingEvidenceDto } from '@/lib/provenance/server/list-cited-by';
import type { ConflictDto } from '@/lib/review/server/list-conflicts';
import { callRoute } from '@/tests/support/call-route';
import type { StaleRevision } from '@/tests/support/route-bodies';
import { createAnnotation, createTestUser, demoArticle, resetDatabase, SENTENCES, type TestUser } from '@/tests/support/fixtures';

// Invented documents, written for this test.
const CITED = ['Earlier wire story', 'Officials said the TTP carried out over 600 attacks in Pakistan in 2025 alone.'].join('\n');
const REPORT = ['Conflict monitor annual review', 'The monitor recorded more than 600 attacks attributed to the TTP in 2025.'].join('\n');
const PASSAGE = 'The monitor recorded more than 600 attacks attributed to the TTP in 2025.';
const COPY = ['Regional digest', 'Officials said the TTP carried out over 600 attacks in Pakistan in 2025 alone.'].join('\n');

/** What an analyst who may not read the cited blind annotation sees, and what a reviewer sees. */
const ANALYST_VIEW = { provenance: 'verified', evidenceCount: 1 };
const REVIEWER_VIEW = { provenance: 'contradicted', evidenceCount: 2 };
const viewOf = (a: Pick<AnnotationDto, 'provenance' | 'evidenceCount'>) => ({ provenance: a.provenance, evidenceCount: a.evidenceCount });

describe('every answer with annotation JSON counts only the links the viewer may read', () => {
  let ana: TestUser; // the claim's author; assigned to the blind article, not submitted
  let bo: TestUser; // assigned too: his annotation there is the hidden link's target
  let carl: TestUser; // another analyst, not assigned
  let reviewer: TestUser;
  let admin: TestUser;
  let articleId: string;
  let claimId: string;
  let citedId: string;
  let sourceId: string;
  let hiddenTargetId: string;
  const KEY = 'claim-create-1';
  let createBody: Record<string, unknown>;

  const importDoc = async (user: TestUser, json: Record<string, unknown>) => {
    const res = await callRoute<{ article: ArticleSummaryDto }>(articlesRoute.POST, '/api/articles', { method: 'POST', token: user.token, json: { format: 'text', ...json } });
    expect(res.status).toBe(201);
    return res.data.article.id;
  };
  const link = async (id: string, json: Record<string, unknown>) => {
    const res = await callRoute(evidenceRoute.POST, `/api/annotations/${id}/evidence`, { method: 'POST', token: reviewer.token, json, params: { id } });
    expect(res.status).toBe(201);
  };
  const revision = async () => (await getDb().annotation.findUniqueOrThrow({ where: { id: claimId }, select: { revision: true } })).revision;
  const ok = <T>(res: { status: number; data: T; text: string }, status = 200) => {
    expect(res.status, res.text).toBe(status);
    return res.data;
  };
  const currentIn409 = (res: { status: number; data: StaleRevision; text: string }) => {
    expect(res.status, res.text).toBe(409);
    return res.data.error!.details.current;
  };

  beforeEach(async () => {
    await resetDatabase();
    ana = await createTestUser('ANALYST', { name: 'Ana' });
    bo = await createTestUser('ANALYST', { name: 'Bo' });
    carl = await createTestUser('ANALYST', { name: 'Carl' });
    reviewer = await createTestUser('REVIEWER', { name: 'Rev' });
    admin = await createTestUser('ADMIN', { name: 'Adm' });
    expect((await callRoute(deskRoute.PATCH, '/api/desk', { method: 'PATCH', token: admin.token, json: { peerReview: true } })).status).toBe(200);

    const { article, version } = await demoArticle();
    articleId = article.id;
    const start = version.text.indexOf(SENTENCES.ttp600);
    createBody = { start, end: start + SENTENCES.ttp600.length, exact: SENTENCES.ttp600, tag: 'un' };
    const created = await callRoute<{ annotation: AnnotationDto }>(annotationsRoute.POST, `/api/articles/${articleId}/annotations`, {
      method: 'POST',
      token: ana.token,
      headers: { 'idempotency-key': KEY },
      json: createBody,
      params: { id: articleId },
    });
    claimId = ok(created, 201).annotation.id;

    // The cited article is under a double-blind check by Ana and Bo: Bo's annotation there is hidden from Ana (and Carl).
    citedId = await importDoc(reviewer, { content: CITED });
    const patched = await callRoute(articleRoute.PATCH, `/api/articles/${citedId}`, { method: 'PATCH', token: reviewer.token, json: { blind: true, assignees: [ana.id, bo.id] }, params: { id: citedId } });
    expect(patched.status).toBe(200);
    const cited = await getDb().articleVersion.findFirstOrThrow({ where: { articleId: citedId } });
    hiddenTargetId = (await createAnnotation(bo, 'over 600 attacks', { on: { articleId: citedId, versionId: cited.id, text: cited.text } })).id;
    sourceId = await importDoc(reviewer, { content: REPORT, kind: 'source', issuer: 'Conflict monitor' });
    const at = REPORT.indexOf(PASSAGE);
    await link(claimId, { documentId: sourceId, start: at, end: at + PASSAGE.length, exact: PASSAGE, relation: 'supports' });
    await link(claimId, { documentId: citedId, targetAnnotationId: hiddenTargetId, relation: 'contradicts' });
    // The two ways of reading the claim the other tests compare with.
    const single = async (user: TestUser) => (await callRoute<{ annotation: AnnotationDto }>(annotationRoute.GET, `/api/annotations/${claimId}`, { token: user.token, params: { id: claimId } })).data.annotation;
    expect(viewOf(await single(ana))).toEqual(ANALYST_VIEW);
    expect(viewOf(await single(reviewer))).toEqual(REVIEWER_VIEW);
  });

  it('the answers to writes on the claim: create replayed, edit, confirm-anchor (and their 409s), restore, a verdict, reopen', async () => {
    const replay = await callRoute<{ annotation: AnnotationDto }>(annotationsRoute.POST, `/api/articles/${articleId}/annotations`, {
      method: 'POST',
      token: ana.token,
      headers: { 'idempotency-key': KEY },
      json: createBody,
      params: { id: articleId },
    });
    expect(ok(replay).annotation.id).toBe(claimId);
    expect(viewOf(replay.data.annotation)).toEqual(ANALYST_VIEW);

    const patch = (user: TestUser, json: Record<string, unknown>) => callRoute<{ annotation: AnnotationDto } & StaleRevision>(annotationRoute.PATCH, `/api/annotations/${claimId}`, { method: 'PATCH', token: user.token, json, params: { id: claimId } });
    expect(viewOf(ok(await patch(ana, { revision: await revision(), note: 'checked' })).annotation)).toEqual(ANALYST_VIEW);
    expect(viewOf(currentIn409(await patch(ana, { revision: 1, note: 'stale' })))).toEqual(ANALYST_VIEW);
    // A reviewer regrades (the author's fields are hers alone): the reviewer's copy counts both links.
    expect(viewOf(ok(await patch(reviewer, { revision: await revision(), grade: { reliability: 'B' } })).annotation)).toEqual(REVIEWER_VIEW);
    expect(viewOf(currentIn409(await patch(reviewer, { revision: 1, grade: { reliability: 'C' } })))).toEqual(REVIEWER_VIEW);

    const confirm = (user: TestUser, rev: number) => callRoute<{ annotation: AnnotationDto } & StaleRevision>(confirmAnchorRoute.POST, `/api/annotations/${claimId}/confirm-anchor`, { method: 'POST', token: user.token, json: { revision: rev }, params: { id: claimId } });
    expect(viewOf(ok(await confirm(ana, await revision())).annotation)).toEqual(ANALYST_VIEW);
    expect(viewOf(currentIn409(await confirm(ana, 1)))).toEqual(ANALYST_VIEW);
    expect(viewOf(ok(await confirm(reviewer, await revision())).annotation)).toEqual(REVIEWER_VIEW);
    expect(viewOf(currentIn409(await confirm(reviewer, 1)))).toEqual(REVIEWER_VIEW);

    const restore = (user: TestUser) => callRoute<{ annotation: AnnotationDto }>(restoreRoute.POST, `/api/annotations/${claimId}/restore`, { method: 'POST', token: user.token, params: { id: claimId } });
    expect((await callRoute(annotationRoute.DELETE, `/api/annotations/${claimId}`, { method: 'DELETE', token: ana.token, params: { id: claimId } })).status).toBe(204);
    expect(viewOf(ok(await restore(ana)).annotation)).toEqual(ANALYST_VIEW);
    expect(viewOf(ok(await restore(admin)).annotation)).toEqual(REVIEWER_VIEW);

    const review = (user: TestUser, json: Record<string, unknown>) => callRoute<{ annotation: AnnotationDto }>(reviewsRoute.POST, `/api/annotations/${claimId}/reviews`, { method: 'POST', token: user.token, json, params: { id: claimId } });
    expect(viewOf(ok(await review(carl, { verdict: 'AGREE' }), 201).annotation)).toEqual(ANALYST_VIEW);
    const disputed = ok(await review(reviewer, { verdict: 'DISPUTE', comment: 'The monitor’s own count contradicts it.' }), 201).annotation;
    expect(disputed.status).toBe('DISPUTED');
    expect(viewOf(disputed)).toEqual(REVIEWER_VIEW);

    const reopened = ok(await callRoute<{ annotation: AnnotationDto }>(reopenRoute.POST, `/api/annotations/${claimId}/reopen`, { method: 'POST', token: ana.token, params: { id: claimId } })).annotation;
    expect(viewOf(reopened)).toEqual(ANALYST_VIEW);
  });

  it('the review queue, conflicts, cited-by, claim matches, known claims, the brief and the history', async () => {
    const queued = async (user: TestUser) => ok(await callRoute<{ annotations: AnnotationDto[] }>(queueRoute.GET, '/api/review-queue', { token: user.token })).annotations.find((a) => a.id === claimId)!;
    expect(viewOf(await queued(carl))).toEqual(ANALYST_VIEW);
    expect(viewOf(await queued(reviewer))).toEqual(REVIEWER_VIEW);

    // Carl tags the same words otherwise on the (not blind) article: a conflict he and the reviewer both see.
    await createAnnotation(carl, SENTENCES.ttp600, { tag: 'intelligence' });
    const conflicting = async (user: TestUser) => {
      const [pair] = ok(await callRoute<{ conflicts: ConflictDto[] }>(conflictsRoute.GET, `/api/articles/${articleId}/conflicts`, { token: user.token, params: { id: articleId } })).conflicts;
      return [pair!.a, pair!.b].find((a) => a.id === claimId)!;
    };
    expect(viewOf(await conflicting(carl))).toEqual(ANALYST_VIEW);
    expect(viewOf(await conflicting(reviewer))).toEqual(REVIEWER_VIEW);

    const citing = async (user: TestUser) => {
      const list = ok(await callRoute<{ evidence: CitingEvidenceDto[] }>(citedByRoute.GET, `/api/articles/${sourceId}/cited-by`, { token: user.token, params: { id: sourceId } })).evidence;
      expect(list.map((e) => e.annotation.id)).toEqual([claimId]);
      return list[0]!.annotation;
    };
    expect(viewOf(await citing(carl))).toEqual(ANALYST_VIEW);
    expect(viewOf(await citing(reviewer))).toEqual(REVIEWER_VIEW);
    // The documents' citedBy counts agree with their cited-by lists: the blind article is cited only through the hidden annotation.
    const citedBy = async (user: TestUser, id: string) =>
      ok(await callRoute<{ article: ArticleSummaryDto }>(articleRoute.GET, `/api/articles/${id}`, { token: user.token, params: { id } })).article.citedBy;
    expect([await citedBy(carl, sourceId), await citedBy(carl, citedId), await citedBy(ana, citedId)]).toEqual([1, 0, 0]);
    expect([await citedBy(reviewer, sourceId), await citedBy(reviewer, citedId)]).toEqual([1, 1]);
    const library = async (user: TestUser) =>
      ok(await callRoute<{ articles: ArticleSummaryDto[] }>(articlesRoute.GET, '/api/articles', { token: user.token })).articles.find((a) => a.id === citedId)!.citedBy;
    expect([await library(carl), await library(reviewer)]).toEqual([0, 1]);

    // The same claim in another (not blind) article: matching finds Ana's; known claims once hers is reviewed.
    const copyId = await importDoc(reviewer, { content: COPY });
    const copy = await getDb().articleVersion.findFirstOrThrow({ where: { articleId: copyId } });
    const start = copy.text.indexOf(SENTENCES.ttp600);
    const carlsId = ok(
      await callRoute<{ annotation: AnnotationDto }>(annotationsRoute.POST, `/api/articles/${copyId}/annotations`, {
        method: 'POST',
        token: carl.token,
        json: { start, end: start + SENTENCES.ttp600.length, exact: SENTENCES.ttp600, tag: 'un' },
        params: { id: copyId },
      }),
      201,
    ).annotation.id;
    const matched = async (user: TestUser) => {
      const match = ok(await callRoute<{ matches: ClaimMatchDto[] }>(matchesRoute.GET, `/api/annotations/${carlsId}/matches`, { token: user.token, params: { id: carlsId } })).matches.find((m) => m.annotation.id === claimId)!;
      expect(match.provenance).toBe(match.annotation.provenance);
      return match.annotation;
    };
    expect(viewOf(await matched(carl))).toEqual(ANALYST_VIEW);
    expect(viewOf(await matched(reviewer))).toEqual(REVIEWER_VIEW);

    await getDb().annotation.update({ where: { id: claimId }, data: { status: 'CONFIRMED' } });
    const known = async (user: TestUser) => {
      const match = ok(await callRoute<{ known: KnownClaimDto[] }>(knownRoute.GET, `/api/articles/${copyId}/known-claims`, { token: user.token, params: { id: copyId } })).known.find((k) => k.match.annotation.id === claimId)!.match;
      expect(match.provenance).toBe(match.annotation.provenance);
      return match.annotation;
    };
    expect(viewOf(await known(carl))).toEqual(ANALYST_VIEW);
    expect(viewOf(await known(reviewer))).toEqual(REVIEWER_VIEW);

    // The brief derives the state from the links it lists (already scoped): the CSV's provenance column.
    const csvState = async (user: TestUser) => {
      const res = await callRoute(exportRoute.GET, `/api/articles/${articleId}/export`, { token: user.token, params: { id: articleId }, query: { format: 'csv', layer: 'all' } });
      expect(res.status).toBe(200);
      const rows = res.text.split('\r\n').filter((r) => r.includes(SENTENCES.ttp600) && r.includes(',un,'));
      expect(rows).toHaveLength(1);
      return rows[0]!.includes(',verified,') ? 'verified' : rows[0]!.includes(',contradicted,') ? 'contradicted' : rows[0];
    };
    expect(await csvState(ana)).toBe('verified');
    expect(await csvState(reviewer)).toBe('contradicted');

    // The claim's history: the hidden link's event is left out, like the link from its evidence list.
    const linkEvents = async (user: TestUser) =>
      ok(await callRoute<{ events: AnnotationEventDto[] }>(historyRoute.GET, `/api/annotations/${claimId}/history`, { token: user.token, params: { id: claimId } }))
        .events.filter((e) => e.action === 'evidence_created')
        .map((e) => (e.after as { relation: string }).relation);
    expect(await linkEvents(carl)).toEqual(['supports']);
    expect(await linkEvents(ana)).toEqual(['supports']);
    expect(await linkEvents(reviewer)).toEqual(['supports', 'contradicts']);
  });

  it('review queue ?provenance=unlinked: a claim whose only link cites work the viewer may not read is unlinked for them', async () => {
    const only = await createAnnotation(ana, SENTENCES.shelter);
    await link(only.id, { documentId: citedId, targetAnnotationId: hiddenTargetId, relation: 'supports' });
    const bare = await createAnnotation(ana, SENTENCES.meeting);
    const unlinked = async (user: TestUser) =>
      ok(await callRoute<{ annotations: AnnotationDto[] }>(queueRoute.GET, '/api/review-queue', { token: user.token, query: { provenance: 'unlinked', author: ana.id } })).annotations.map((a) => [a.id, viewOf(a)]);
    expect(await unlinked(carl)).toEqual([
      [only.id, { provenance: 'unlinked', evidenceCount: 0 }],
      [bare.id, { provenance: 'unlinked', evidenceCount: 0 }],
    ]);
    expect(await unlinked(reviewer)).toEqual([[bare.id, { provenance: 'unlinked', evidenceCount: 0 }]]);
  });
});
