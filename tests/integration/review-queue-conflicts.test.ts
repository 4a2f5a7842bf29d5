import { beforeEach, describe, expect, it } from 'vitest';
import * as agreementRoute from '@/app/api/articles/[id]/agreement/route';
import type { ArticleAgreementDto } from '@/lib/agreement/agreement-dto';
import * as annotationRoute from '@/app/api/annotations/[id]/route';
import * as conflictsRoute from '@/app/api/articles/[id]/conflicts/route';
import * as deskRoute from '@/app/api/desk/route';
import * as historyRoute from '@/app/api/annotations/[id]/history/route';
import * as queueRoute from '@/app/api/review-queue/route';
import * as reopenRoute from '@/app/api/annotations/[id]/reopen/route';
import * as resolveRoute from '@/app/api/articles/[id]/conflicts/resolve/route';
import * as restoreRoute from '@/app/api/annotations/[id]/restore/route';
import * as reviewsRoute from '@/app/api/annotations/[id]/reviews/route';
import { getDb } from '@/lib/db/server/prisma';
import { callRoute } from '@/tests/support/call-route';
import { createAnnotation, createTestUser, demoArticle, resetDatabase, SENTENCES, type TestUser } from '@/tests/support/fixtures';
import type { AnnotationBody, HistoryBody, StaleRevision } from '@/tests/support/route-bodies';
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import type { ReviewQueue, ReviewResult, ReviewsResponse } from '@/lib/client/review-api';
import type { DeskSettingsDto } from '@/lib/review/desk-settings-dto';
import type { ConflictDto } from '@/lib/review/server/list-conflicts';


const review = (user: TestUser, id: string, json: unknown) =>
  callRoute<ReviewResult>(reviewsRoute.POST, `/api/annotations/${id}/reviews`, { method: 'POST', token: user.token, json, params: { id } });
const queue = (user: TestUser, query: Record<string, string> = {}) => callRoute<ReviewQueue>(queueRoute.GET, '/api/review-queue', { token: user.token, query });
const queueIds = async (user: TestUser, query: Record<string, string> = {}) => (await queue(user, query)).data.annotations.map((a) => a.id);
const setPeerReview = (admin: TestUser, peerReview: boolean) => callRoute<{ desk: DeskSettingsDto }>(deskRoute.PATCH, '/api/desk', { method: 'PATCH', token: admin.token, json: { peerReview } });

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

describe('Review queue', () => {
  it('lists others’ live annotations I have not reviewed, oldest first, with context and article titles', async () => {
    const newer = await createAnnotation(ana, SENTENCES.twenty, { data: { createdAt: new Date('2026-01-03T00:00:00Z') } });
    const older = await createAnnotation(bo, SENTENCES.nexus, { tag: 'intelligence', data: { createdAt: new Date('2026-01-01T00:00:00Z') } });
    const mine = await createAnnotation(reviewer, SENTENCES.isk);
    const deleted = await createAnnotation(ana, SENTENCES.shelter);
    await getDb().annotation.update({ where: { id: deleted.id }, data: { deletedAt: new Date() } });
    const orphan = await createAnnotation(ana, SENTENCES.meeting);
    await getDb().annotation.update({ where: { id: orphan.id }, data: { anchorState: 'orphaned' } });

    const res = await queue(reviewer);
    expect(res.status).toBe(200);
    const data = res.data;
    expect(data.annotations.map((a) => a.id)).toEqual([older.id, newer.id]);
    expect(data.annotations.map((a) => a.id)).not.toContain(mine.id);
    expect(data.canReview).toBe(true);
    const ctx = data.contexts[older.id]!;
    expect(ctx.paragraph.slice(ctx.start, ctx.end)).toBe(SENTENCES.nexus);
    expect(data.articles[articleId]).toBeTruthy();

    // Reviewed → gone from my queue, still in a colleague's.
    expect((await review(reviewer, older.id, { verdict: 'AGREE' })).status).toBe(201);
    expect(await queueIds(reviewer)).toEqual([newer.id]);
    expect(await queueIds(admin)).toEqual([older.id, newer.id, mine.id]);
  });

  it('filters by article, tag and author; unknown parameters are refused', async () => {
    const a1 = await createAnnotation(ana, SENTENCES.twenty, { data: { createdAt: new Date('2026-01-01T00:00:00Z') } });
    const b1 = await createAnnotation(bo, SENTENCES.nexus, { tag: 'intelligence', data: { createdAt: new Date('2026-01-02T00:00:00Z') } });
    const b2 = await createAnnotation(bo, SENTENCES.isk, { tag: 'analyst', data: { createdAt: new Date('2026-01-03T00:00:00Z') } });

    expect(await queueIds(reviewer, { articleId })).toEqual([a1.id, b1.id, b2.id]);
    expect(await queueIds(reviewer, { articleId: 'no-such-article' })).toEqual([]);
    expect(await queueIds(reviewer, { tag: 'intelligence' })).toEqual([b1.id]);
    expect(await queueIds(reviewer, { author: bo.id })).toEqual([b1.id, b2.id]);
    expect(await queueIds(reviewer, { author: bo.id, tag: 'analyst' })).toEqual([b2.id]);
    // Blank filters mean "all"; my own work never shows, even when I filter on myself.
    expect(await queueIds(reviewer, { tag: '', author: '' })).toEqual([a1.id, b1.id, b2.id]);
    expect(await queueIds(ana, { author: ana.id })).toEqual([]);
    expect((await queue(reviewer, { sort: 'newest' })).status).toBe(400);
  });

  it('an annotation re-opened after my verdict comes back to my queue', async () => {
    const a = await createAnnotation(ana, SENTENCES.ttp600);
    await review(reviewer, a.id, { verdict: 'DISPUTE', comment: 'Which report?' });
    expect(await queueIds(reviewer)).toEqual([]);
    expect((await callRoute<AnnotationBody>(reopenRoute.POST, `/api/annotations/${a.id}/reopen`, { method: 'POST', token: ana.token, params: { id: a.id } })).status).toBe(200);
    expect(await queueIds(reviewer)).toEqual([a.id]);
  });

  it('peer review off: analysts still see the queue but may not give verdicts (403); reviewers may', async () => {
    const a = await createAnnotation(ana, SENTENCES.ttp600);
    expect((await setPeerReview(admin, false)).status).toBe(200);
    const data = (await queue(bo)).data;
    expect(data.annotations.map((x) => x.id)).toEqual([a.id]);
    expect(data.canReview).toBe(false);
    const denied = await review(bo, a.id, { verdict: 'AGREE' });
    expect(denied.status).toBe(403);
    expect(denied.data.error?.code).toBe('forbidden');
    expect(await getDb().review.count()).toBe(0);
    expect((await queue(reviewer)).data.canReview).toBe(true);
    expect((await review(reviewer, a.id, { verdict: 'AGREE' })).status).toBe(201);

    expect((await setPeerReview(admin, true)).status).toBe(200);
    expect((await queue(bo)).data.canReview).toBe(true);
    expect((await review(bo, a.id, { verdict: 'AGREE' })).status).toBe(201);
  });
});

describe('Conflicts', () => {
  const conflicts = (user: TestUser) => callRoute<{ conflicts: ConflictDto[] }>(conflictsRoute.GET, `/api/articles/${articleId}/conflicts`, { token: user.token, params: { id: articleId } });
  const resolve = (user: TestUser, json: unknown) =>
    callRoute<{ keep: AnnotationDto; other: AnnotationDto }>(resolveRoute.POST, `/api/articles/${articleId}/conflicts/resolve`, { method: 'POST', token: user.token, json, params: { id: articleId } });

  it('flags overlaps of ≥ 50% of the shorter span with different tags by different authors, on the DTO too', async () => {
    const a = await createAnnotation(ana, SENTENCES.nexus, { cut: { from: 0, to: 40 }, tag: 'un' });
    const b = await createAnnotation(bo, SENTENCES.nexus, { cut: { from: 10, to: 50 }, tag: 'intelligence' }); // 30/40 = 0.75
    const c = await createAnnotation(bo, SENTENCES.nexus, { cut: { from: 25, to: 65 }, tag: 'analyst' }); // 15/40 with a
    await createAnnotation(ana, SENTENCES.twenty, { tag: 'un' });
    await createAnnotation(bo, SENTENCES.twenty, { tag: 'un' }); // same tag: agreement, not conflict

    const res = await conflicts(reviewer);
    expect(res.status).toBe(200);
    const pairs = res.data.conflicts.map((p) => [p.a.id, p.b.id].sort().join('|'));
    expect(pairs).toEqual([[a.id, b.id].sort().join('|')]);
    const one = res.data.conflicts[0]!;
    expect(one.overlap).toBeCloseTo(0.75);

    const dto = await callRoute<AnnotationBody>(annotationRoute.GET, `/api/annotations/${a.id}`, { token: reviewer.token, params: { id: a.id } });
    expect(dto.data.annotation.conflictsWith).toEqual([b.id]);
    const dtoC = await callRoute<AnnotationBody>(annotationRoute.GET, `/api/annotations/${c.id}`, { token: reviewer.token, params: { id: c.id } });
    expect(dtoC.data.annotation.conflictsWith).toEqual([]);
  });

  it('a reviewer resolves by confirming one tag: AGREE on the kept side, DISPUTE suggesting it on the other', async () => {
    const keep = await createAnnotation(ana, SENTENCES.shelter, { tag: 'un' });
    const other = await createAnnotation(bo, SENTENCES.shelter, { tag: 'intelligence' });

    expect((await resolve(ana, { keep: keep.id, other: other.id, tag: 'un' })).status).toBe(403);
    expect((await resolve(reviewer, { keep: keep.id, other: other.id, tag: 'intelligence' })).status).toBe(400);
    expect((await resolve(reviewer, { keep: keep.id, other: keep.id, tag: 'un' })).status).toBe(400);
    expect((await resolve(reviewer, { keep: keep.id })).status).toBe(400);
    expect(await getDb().review.count()).toBe(0);

    const res = await resolve(reviewer, { keep: keep.id, other: other.id, tag: 'un' });
    expect(res.status).toBe(200);
    expect(res.data.keep.status).toBe('CONFIRMED');
    expect(res.data.other.status).toBe('DISPUTED');

    const otherReviews = (await callRoute<ReviewsResponse>(reviewsRoute.GET, `/api/annotations/${other.id}/reviews`, { token: bo.token, params: { id: other.id } })).data.reviews;
    expect(otherReviews).toHaveLength(1);
    expect(otherReviews[0]).toMatchObject({ verdict: 'DISPUTE', suggestedTag: 'un', reviewer: { id: reviewer.id }, supersededAt: null });
    expect(otherReviews[0]!.comment).toMatch(/resolved in favour of un/);
    for (const id of [keep.id, other.id]) {
      const events = await getDb().annotationEvent.findMany({ where: { annotationId: id, action: 'conflict_resolved' } });
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ actorId: reviewer.id, after: { keep: keep.id, other: other.id, tag: 'un' } });
    }

    // Resolved: no longer flagged (list and DTOs), and resolving again is a 409.
    expect((await conflicts(reviewer)).data.conflicts).toEqual([]);
    for (const id of [keep.id, other.id]) {
      const dto = await callRoute<AnnotationBody>(annotationRoute.GET, `/api/annotations/${id}`, { token: bo.token, params: { id } });
      expect(dto.data.annotation.conflictsWith).toEqual([]);
    }
    expect((await resolve(reviewer, { keep: keep.id, other: other.id, tag: 'un' })).status).toBe(409);

    // The ruling holds only while the kept side keeps the confirmed tag: re-tagging it reopens the conflict.
    const keptNow = await getDb().annotation.findUniqueOrThrow({ where: { id: keep.id } });
    const retagKept = await callRoute<AnnotationBody & StaleRevision>(annotationRoute.PATCH, `/api/annotations/${keep.id}`, {
      method: 'PATCH',
      token: ana.token,
      json: { revision: keptNow.revision, tag: 'analyst' },
      params: { id: keep.id },
    });
    expect(retagKept.status).toBe(200);
    expect((await conflicts(reviewer)).data.conflicts).toHaveLength(1);

    // The other author re-tags to agree: the conflict is gone on its own.
    const retag = await callRoute<AnnotationBody & StaleRevision>(annotationRoute.PATCH, `/api/annotations/${other.id}`, {
      method: 'PATCH',
      token: bo.token,
      json: { revision: other.revision, tag: 'analyst' },
      params: { id: other.id },
    });
    expect(retag.status).toBe(200);
    expect((await conflicts(reviewer)).data.conflicts).toEqual([]);
    expect((await resolve(reviewer, { keep: keep.id, other: other.id, tag: 'analyst' })).status).toBe(409);
  });

  it('a resolver who wrote one side does not review their own annotation', async () => {
    const mine = await createAnnotation(reviewer, SENTENCES.meeting, { tag: 'analyst' });
    const theirs = await createAnnotation(ana, SENTENCES.meeting, { tag: 'un' });
    const res = await resolve(reviewer, { keep: theirs.id, other: mine.id, tag: 'un' });
    expect(res.status).toBe(200);
    expect(res.data.keep.status).toBe('CONFIRMED');
    expect(res.data.other.status).toBe('UNREVIEWED');
    expect(await getDb().review.count({ where: { annotationId: mine.id } })).toBe(0);
    expect(await getDb().annotationEvent.count({ where: { annotationId: mine.id, action: 'conflict_resolved' } })).toBe(1);
  });

  it('404 for an annotation on another article id', async () => {
    const a = await createAnnotation(ana, SENTENCES.isk, { tag: 'un' });
    const b = await createAnnotation(bo, SENTENCES.isk, { tag: 'analyst' });
    const res = await callRoute<{ keep: AnnotationDto; other: AnnotationDto }>(resolveRoute.POST, '/api/articles/elsewhere/conflicts/resolve', {
      method: 'POST',
      token: reviewer.token,
      json: { keep: a.id, other: b.id, tag: 'un' },
      params: { id: 'elsewhere' },
    });
    expect(res.status).toBe(404);
  });
});

describe('Agreement report', () => {
  const agreement = (user: TestUser, id = articleId) => callRoute<ArticleAgreementDto>(agreementRoute.GET, `/api/articles/${id}/agreement`, { token: user.token, params: { id } });

  it('counts claims tagged by ≥ 2 analysts, percent agreement, kappa and the confusion table', async () => {
    await createAnnotation(ana, SENTENCES.nexus, { tag: 'un' });
    await createAnnotation(bo, SENTENCES.nexus, { tag: 'un' });
    await createAnnotation(ana, SENTENCES.twenty, { tag: 'un' });
    await createAnnotation(bo, SENTENCES.twenty, { tag: 'intelligence' });
    await createAnnotation(ana, SENTENCES.isk, { tag: 'analyst' }); // one analyst only: not a claim pair

    const res = await agreement(reviewer);
    expect(res.status).toBe(200);
    const { data } = res;
    expect(data).toMatchObject({ claims: 2, pairs: 2, agreed: 1, percentAgreement: 50 });
    expect(data.kappa).toBeCloseTo(0);
    expect(data.confusion.un!.un).toBe(1);
    expect((data.confusion.un!.intelligence ?? 0) + (data.confusion.intelligence!.un ?? 0)).toBe(1);
    expect(data.confusion.analyst!.analyst).toBe(0);
    const total = Object.values(data.confusion).flatMap((row) => Object.values(row)).reduce((a, b) => a + b, 0);
    expect(total).toBe(2);

    // The unit-based report: the same two shared claims, the analysts named, the disagreement listed.
    const report = res.data;
    expect(report).toMatchObject({ blind: false, sharedUnits: 2, units: 3, fleissKappa: null });
    expect(report.warning).toMatch(/copying/);
    expect(report.cohenKappa).toBeCloseTo(0);
    expect(report.krippendorffAlpha.nominal).not.toBeNull();
    expect(report.krippendorffAlpha.unitizing).not.toBeNull();
    expect(report.confusionByPair.map((p) => [p.a.name, p.b.name].sort())).toEqual([[ana.name, bo.name].sort()]);
    const split = report.disagreements.filter((d) => d.agreement !== 'single');
    expect(split).toHaveLength(1);
    expect(split[0].annotations.map((a) => a.tag).sort()).toEqual(['intelligence', 'un']);
  });

  it('nulls with no pairs; 404 for an unknown article; 401 signed out', async () => {
    const res = await agreement(ana);
    expect(res.data).toMatchObject({ claims: 0, pairs: 0, percentAgreement: null, kappa: null });
    expect((await agreement(ana, 'nope')).status).toBe(404);
    expect((await callRoute<ArticleAgreementDto>(agreementRoute.GET, `/api/articles/${articleId}/agreement`, { params: { id: articleId } })).status).toBe(401);
  });
});

describe('Desk settings', () => {
  it('anyone reads them (peer review on by default); only an admin changes them', async () => {
    const read = await callRoute<{ desk: DeskSettingsDto }>(deskRoute.GET, '/api/desk', { token: ana.token });
    expect(read.status).toBe(200);
    expect(read.data.desk).toMatchObject({ peerReview: true });
    for (const user of [ana, reviewer]) {
      const refused = await callRoute<{ desk: DeskSettingsDto }>(deskRoute.PATCH, '/api/desk', { method: 'PATCH', token: user.token, json: { peerReview: false } });
      expect(refused.status).toBe(403);
      expect(refused.data.error?.code).toBe('forbidden');
    }
    expect((await callRoute<{ desk: DeskSettingsDto }>(deskRoute.GET, '/api/desk', { token: ana.token })).data.desk).toMatchObject({ peerReview: true });
    const renamed = await callRoute<{ desk: DeskSettingsDto }>(deskRoute.PATCH, '/api/desk', { method: 'PATCH', token: admin.token, json: { name: '  Night desk ' } });
    expect(renamed.status).toBe(200);
    expect(renamed.data.desk).toMatchObject({ name: 'Night desk', peerReview: true });
  });

  it('validates the patch', async () => {
    for (const json of [{}, { peerReview: 'no' }, { name: '' }, { colour: 'red' }]) {
      expect((await callRoute<{ desk: DeskSettingsDto }>(deskRoute.PATCH, '/api/desk', { method: 'PATCH', token: admin.token, json })).status).toBe(400);
    }
  });
});

describe('Grade, re-open, history, restore', () => {
  // The grade is edited through the annotation's PATCH (its `grade` field), the one grade-editing endpoint.
  const grade = (user: TestUser, id: string, { revision, ...values }: { revision?: number; reliability?: string; credibility?: number }) =>
    callRoute<AnnotationBody & StaleRevision>(annotationRoute.PATCH, `/api/annotations/${id}`, {
      method: 'PATCH',
      token: user.token,
      json: { ...(revision === undefined ? {} : { revision }), ...(Object.keys(values).length ? { grade: values } : {}) },
      params: { id },
    });
  const reopen = (user: TestUser, id: string) => callRoute<AnnotationBody>(reopenRoute.POST, `/api/annotations/${id}/reopen`, { method: 'POST', token: user.token, params: { id } });

  it('a reviewer regrades with the revision they saw; stale → 409 with the current annotation; recorded in the history', async () => {
    const a = await createAnnotation(ana, SENTENCES.ttp600);
    const res = await grade(reviewer, a.id, { revision: a.revision, reliability: 'B', credibility: 2 });
    expect(res.status).toBe(200);
    const updated = res.data.annotation;
    expect(updated.grade).toEqual({ reliability: 'B', credibility: 2 });
    expect(updated.revision).toBe(a.revision + 1);

    const stale = await grade(admin, a.id, { revision: a.revision, credibility: 4 });
    expect(stale.status).toBe(409);
    expect(stale.data.error!.details.current.grade).toEqual({ reliability: 'B', credibility: 2 });

    // Half a grade: the other half stays.
    const half = await grade(admin, a.id, { revision: updated.revision, credibility: 4 });
    expect(half.data.annotation.grade).toEqual({ reliability: 'B', credibility: 4 });

    const history = await callRoute<HistoryBody>(historyRoute.GET, `/api/annotations/${a.id}/history`, { token: bo.token, params: { id: a.id } });
    const regrades = history.data.events.filter((e) => e.action === 'regraded');
    expect(regrades).toHaveLength(2);
    expect(regrades[0]).toMatchObject({ actor: { id: reviewer.id }, before: { reliability: null, credibility: null }, after: { reliability: 'B', credibility: 2 } });
  });

  it('another analyst may not regrade; the author may; bad values are 400', async () => {
    const a = await createAnnotation(ana, SENTENCES.ttp600);
    expect((await grade(bo, a.id, { revision: a.revision, reliability: 'A' })).status).toBe(403);
    for (const json of [{ revision: a.revision, reliability: 'G' }, { revision: a.revision, credibility: 7 }, { revision: a.revision }, { reliability: 'A' }]) {
      expect((await grade(reviewer, a.id, json)).status).toBe(400);
    }
    expect((await grade(ana, a.id, { revision: a.revision, reliability: 'F', credibility: 6 })).status).toBe(200);
  });

  it('only the author re-opens, and only a disputed / needs-source annotation', async () => {
    const a = await createAnnotation(ana, SENTENCES.ttp600);
    expect((await reopen(ana, a.id)).status).toBe(409);
    await review(reviewer, a.id, { verdict: 'NEEDS_SOURCE' });
    for (const user of [bo, reviewer, admin]) expect((await reopen(user, a.id)).status).toBe(403);
    const ok = await reopen(ana, a.id);
    expect(ok.status).toBe(200);
    expect(ok.data.annotation.status).toBe('UNREVIEWED');
  });

  it('the history lists verdicts and replies in order; an admin restores a soft-deleted annotation, an analyst may not', async () => {
    const a = await createAnnotation(ana, SENTENCES.ttp600);
    await review(reviewer, a.id, { verdict: 'DISPUTE', comment: 'Source?' });
    await reopen(ana, a.id);
    const history = await callRoute<HistoryBody>(historyRoute.GET, `/api/annotations/${a.id}/history`, { token: bo.token, params: { id: a.id } });
    expect(history.data.events.map((e) => e.action)).toEqual(['review', 'reopened']);

    await callRoute(annotationRoute.DELETE, `/api/annotations/${a.id}`, { method: 'DELETE', token: ana.token, params: { id: a.id } });
    // Long past the author's undo window.
    await getDb().annotation.update({ where: { id: a.id }, data: { deletedAt: new Date(Date.now() - 24 * 3600_000) } });
    expect((await callRoute<AnnotationBody>(restoreRoute.POST, `/api/annotations/${a.id}/restore`, { method: 'POST', token: bo.token, params: { id: a.id } })).status).toBe(403);
    const restored = await callRoute<AnnotationBody>(restoreRoute.POST, `/api/annotations/${a.id}/restore`, { method: 'POST', token: admin.token, params: { id: a.id } });
    expect(restored.status).toBe(200);
    expect(restored.data.annotation.deletedAt).toBeNull();
    const after = await callRoute<HistoryBody>(historyRoute.GET, `/api/annotations/${a.id}/history`, { token: bo.token, params: { id: a.id } });
    expect(after.data.events.map((e) => e.action)).toEqual(['review', 'reopened', 'deleted', 'restored']);
  });
});
