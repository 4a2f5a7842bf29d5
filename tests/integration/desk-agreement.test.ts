// GET /api/agreement: the desk's agreement over time (#17). Reviewers and admins only; each completed
// double annotation compared on the submitted analysts' own work (the same figures as the article's
// agreement page), pooled per period only when done blind; bad queries are 400s with a reason.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import * as deskAgreementRoute from '@/app/api/agreement/route';
import * as articleRoute from '@/app/api/articles/[id]/route';
import * as submitRoute from '@/app/api/articles/[id]/submit/route';
import * as agreementRoute from '@/app/api/articles/[id]/agreement/route';
import type { ArticleAgreementDto } from '@/lib/agreement/agreement-dto';
import { getDb } from '@/lib/db/server/prisma';
import { stopLiveHub } from '@/lib/live/server/subscribe';
import type { DeskAgreementDto } from '@/lib/review/server/compute-desk-agreement';
import { callRoute } from '@/tests/support/call-route';
import { createAnnotation, createTestUser, demoArticle, resetDatabase, SENTENCES, type TestUser } from '@/tests/support/fixtures';

let ana: TestUser;
let bo: TestUser;
let cy: TestUser;
let reviewer: TestUser;
let admin: TestUser;
let articleId: string;

beforeEach(async () => {
  await resetDatabase();
  ana = await createTestUser('ANALYST', { name: 'Ana' });
  bo = await createTestUser('ANALYST', { name: 'Bo' });
  cy = await createTestUser('ANALYST', { name: 'Cy' });
  reviewer = await createTestUser('REVIEWER', { name: 'Rev' });
  admin = await createTestUser('ADMIN', { name: 'Adm' });
  articleId = (await demoArticle()).article.id;
});

afterAll(async () => {
  await stopLiveHub();
});

const report = (user: TestUser | null, query: Record<string, string> = {}) =>
  callRoute<DeskAgreementDto>(deskAgreementRoute.GET, '/api/agreement', { ...(user ? { token: user.token } : {}), query });
const patch = (user: TestUser, json: unknown) => callRoute(articleRoute.PATCH, `/api/articles/${articleId}`, { method: 'PATCH', token: user.token, json, params: { id: articleId } });
const submit = (user: TestUser) => callRoute(submitRoute.POST, `/api/articles/${articleId}/submit`, { method: 'POST', token: user.token, params: { id: articleId } });

/** Ana and Bo annotate the demo article blind — agreeing on two claims, disagreeing on one — and submit. */
async function completedBlindPair() {
  expect((await patch(reviewer, { blind: true, assignees: [ana.id, bo.id] })).status).toBe(200);
  await createAnnotation(ana, SENTENCES.twenty, { tag: 'un' });
  await createAnnotation(bo, SENTENCES.twenty, { tag: 'un' });
  await createAnnotation(ana, SENTENCES.ttp600, { tag: 'un' });
  await createAnnotation(bo, SENTENCES.ttp600, { tag: 'un' });
  await createAnnotation(ana, SENTENCES.meeting, { tag: 'intelligence' });
  await createAnnotation(bo, SENTENCES.meeting, { tag: 'analyst' });
  // Cy is not assigned: his annotation is not part of the comparison.
  await createAnnotation(cy, SENTENCES.nexus, { tag: 'analyst' });
  expect((await submit(ana)).status).toBe(200);
  expect((await submit(bo)).status).toBe(200);
}

describe('GET /api/agreement', () => {
  it('asks for a session, and refuses analysts with a reason', async () => {
    expect((await report(null)).status).toBe(401);
    const refused = await report(ana);
    expect(refused.status).toBe(403);
    expect(refused.data.error?.message).toMatch(/reviewers and admins/);
  });

  it('answers a bad query with a 400 that names the field', async () => {
    const period = await report(reviewer, { period: 'year' });
    expect(period.status).toBe(400);
    expect(period.data.error?.message).toMatch(/period must be one of: week, month/);
    const date = await report(reviewer, { from: '2026-13-45' });
    expect(date.status).toBe(400);
    expect(date.data.error?.message).toMatch(/from must be a date/);
    expect((await report(reviewer, { to: '10000-01-01' })).data.error?.message).toMatch(/between 1900 and 2100/);
    const order = await report(reviewer, { from: '2026-12-01', to: '2026-11-01' });
    expect(order.status).toBe(400);
    expect(order.data.error?.message).toMatch(/from must not be after to/);
    expect((await report(reviewer, { unknown: '1' })).status).toBe(400);
  });

  it('says there is nothing yet instead of a figure', async () => {
    const res = await report(reviewer);
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({ period: 'month', points: [], periods: [], byAnalyst: [], truncated: false });
    expect(res.data.reason).toMatch(/No double annotation is complete yet/);
  });

  it('lists a completed blind double annotation with the article page’s figures, pooled in its period', async () => {
    await completedBlindPair();
    const res = await report(admin);
    expect(res.status).toBe(200);
    const [point] = res.data.points;
    const article = await callRoute<ArticleAgreementDto>(agreementRoute.GET, `/api/articles/${articleId}/agreement`, { token: reviewer.token, params: { id: articleId } });
    expect(point).toMatchObject({ articleId, blind: true, pooled: true, units: 3, sharedUnits: 3, disagreements: 1 });
    expect(point!.analysts.map((a) => a.name)).toEqual(['Ana', 'Bo']);
    expect(point!.cohenKappa).toBe(article.data.cohenKappa);
    expect(point!.krippendorffAlpha).toEqual(article.data.krippendorffAlpha);
    const submitted = await getDb().assignment.findMany({ where: { articleId }, select: { submittedAt: true } });
    expect(point!.completedAt).toBe(new Date(Math.max(...submitted.map((s) => s.submittedAt!.getTime()))).toISOString());

    expect(res.data.periods).toHaveLength(1);
    expect(res.data.periods[0]).toMatchObject({ period: point!.period, articles: 1, units: 3, sharedUnits: 3 });
    expect(res.data.periods[0]!.alphaNominal).toBe(article.data.krippendorffAlpha.nominal);
    expect(res.data.periods[0]!.perTag.un).toEqual({ agreement: 1, uses: 4 });
    expect(res.data.byAnalyst.map((a) => [a.analyst.name, a.sharedUnits, a.agreement])).toEqual([
      ['Ana', 3, 2 / 3],
      ['Bo', 3, 2 / 3],
    ]);
    expect(res.data.reason).toBeNull();
  });

  it('filters by completion date (a date-only `to` is the whole day) and groups by week', async () => {
    await completedBlindPair();
    // Completed on a known day, so the filter and the period are decided by the test.
    await getDb().assignment.updateMany({ where: { articleId }, data: { submittedAt: new Date('2026-11-18T16:30:00Z') } });
    expect((await report(reviewer, { from: '2026-11-19' })).data.points).toEqual([]);
    expect((await report(reviewer, { to: '2026-11-17' })).data.points).toEqual([]);
    const day = await report(reviewer, { from: '2026-11-18', to: '2026-11-18', period: 'week' });
    expect(day.data.points).toHaveLength(1);
    expect(day.data.periods.map((p) => [p.period, p.from, p.to])).toEqual([['2026-W47', '2026-11-16', '2026-11-22']]);
  });

  it('lists work that is no longer blind but does not pool it', async () => {
    await completedBlindPair();
    expect((await patch(reviewer, { blind: false })).status).toBe(200);
    const res = await report(reviewer);
    expect(res.data.points[0]).toMatchObject({ articleId, blind: false, pooled: false });
    expect(res.data.periods).toEqual([]);
    expect(res.data.reason).toMatch(/not pooled/);
  });

  it('leaves out an article only one assignee has submitted, and a reopened submission', async () => {
    expect((await patch(reviewer, { blind: true, assignees: [ana.id, bo.id] })).status).toBe(200);
    await createAnnotation(ana, SENTENCES.twenty, { tag: 'un' });
    expect((await submit(ana)).status).toBe(200);
    expect((await report(reviewer)).data.points).toEqual([]);
    expect((await submit(bo)).status).toBe(200);
    expect((await report(reviewer)).data.points).toHaveLength(1);
    const reopened = await callRoute(submitRoute.DELETE, `/api/articles/${articleId}/submit`, { method: 'DELETE', token: reviewer.token, query: { user: bo.id }, params: { id: articleId } });
    expect(reopened.status).toBe(200);
    expect((await report(reviewer)).data.points).toEqual([]);
  });
});
