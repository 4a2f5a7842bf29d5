import { beforeEach, describe, expect, it } from 'vitest';
import * as reviewsRoute from '@/app/api/annotations/[id]/reviews/route';
import * as reopenRoute from '@/app/api/annotations/[id]/reopen/route';
import * as deskRoute from '@/app/api/desk/route';
import { getDb } from '@/lib/db/server/prisma';
import { callRoute } from '@/tests/support/call-route';
import { createAnnotation, createTestUser, resetDatabase, SENTENCES, type TestUser } from '@/tests/support/fixtures';
import type { AnnotationBody } from '@/tests/support/route-bodies';
import type { ReviewResult, ReviewsResponse } from '@/lib/client/review-api';

function review(user: TestUser, id: string, json: unknown) {
  return callRoute<ReviewResult>(reviewsRoute.POST, `/api/annotations/${id}/reviews`, { method: 'POST', token: user.token, json, params: { id } });
}
function reopen(user: TestUser, id: string) {
  return callRoute<AnnotationBody>(reopenRoute.POST, `/api/annotations/${id}/reopen`, { method: 'POST', token: user.token, params: { id } });
}
async function storedStatus(id: string) {
  return (await getDb().annotation.findUniqueOrThrow({ where: { id } })).status;
}

describe('Review verdicts', () => {
  let analyst: TestUser;
  let reviewer: TestUser;
  let reviewer2: TestUser;
  let admin: TestUser;
  let annotationId: string;

  beforeEach(async () => {
    await resetDatabase();
    analyst = await createTestUser('ANALYST');
    reviewer = await createTestUser('REVIEWER');
    reviewer2 = await createTestUser('REVIEWER');
    admin = await createTestUser('ADMIN');
    annotationId = (await createAnnotation(analyst, SENTENCES.nexus)).id;
  });

  it.each([
    ['AGREE', 'CONFIRMED', undefined],
    ['DISPUTE', 'DISPUTED', 'The report says something narrower.'],
    ['NEEDS_SOURCE', 'NEEDS_SOURCE', undefined],
  ])('%s → %s, returned and stored', async (verdict, expected, comment) => {
    const res = await review(reviewer, annotationId, { verdict, comment });
    expect(res.status).toBe(201);
    expect(res.data.annotation.status).toBe(expected);
    expect(res.data.review).toMatchObject({ verdict, supersededAt: null, counts: true, reviewer: { id: reviewer.id } });
    expect(await storedStatus(annotationId)).toBe(expected);
  });

  it('a reviewer changing their mind supersedes the old verdict and keeps it in the history', async () => {
    expect((await review(reviewer, annotationId, { verdict: 'DISPUTE', comment: 'Wrong source.' })).status).toBe(201);
    const agree = await review(reviewer, annotationId, { verdict: 'AGREE' });
    expect(agree.data.annotation.status).toBe('CONFIRMED');
    const rows = await getDb().review.findMany({ where: { annotationId }, orderBy: { createdAt: 'asc' } });
    expect(rows.map((r) => r.verdict)).toEqual(['DISPUTE', 'AGREE']);
    expect(rows[0]!.supersededAt).not.toBeNull();
    expect(rows[1]!.supersededAt).toBeNull();
    const list = await callRoute<ReviewsResponse>(reviewsRoute.GET, `/api/annotations/${annotationId}/reviews`, { token: analyst.token, params: { id: annotationId } });
    expect(list.status).toBe(200);
    expect(list.data.reviews.map((r) => [r.verdict, r.counts])).toEqual([
      ['DISPUTE', false],
      ['AGREE', true],
    ]);
  });

  it('two reviewers, one agrees and one disputes → DISPUTED (dispute wins)', async () => {
    await review(reviewer, annotationId, { verdict: 'AGREE' });
    const res = await review(reviewer2, annotationId, { verdict: 'DISPUTE', comment: 'Not what the UN said.' });
    expect(res.data.annotation.status).toBe('DISPUTED');
  });

  it('re-open by the author → UNREVIEWED until a new verdict; old verdicts stop counting', async () => {
    await review(reviewer, annotationId, { verdict: 'AGREE' });
    await review(reviewer2, annotationId, { verdict: 'NEEDS_SOURCE' });
    expect(await storedStatus(annotationId)).toBe('NEEDS_SOURCE');
    expect((await reopen(reviewer, annotationId)).status).toBe(403);
    const reopened = await reopen(analyst, annotationId);
    expect(reopened.status).toBe(200);
    expect(reopened.data.annotation.status).toBe('UNREVIEWED');
    expect(await storedStatus(annotationId)).toBe('UNREVIEWED');
    // Nothing left to re-open.
    expect((await reopen(analyst, annotationId)).status).toBe(409);
    const again = await review(reviewer, annotationId, { verdict: 'AGREE' });
    expect(again.data.annotation.status).toBe('CONFIRMED');
    const events = await getDb().annotationEvent.findMany({ where: { annotationId, action: 'reopened' } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: analyst.id, before: { status: 'NEEDS_SOURCE' }, after: { status: 'UNREVIEWED' } });
  });

  it('refuses self-review with 403 and changes nothing', async () => {
    const own = await createAnnotation(reviewer, SENTENCES.twenty);
    const res = await review(reviewer, own.id, { verdict: 'AGREE' });
    expect(res.status).toBe(403);
    expect(res.data.error?.message).toMatch(/your own annotation/);
    expect(await getDb().review.count()).toBe(0);
  });

  it('analysts review peers only while peer review is on (desk setting, admin-only)', async () => {
    const peer = await createTestUser('ANALYST');
    expect((await review(peer, annotationId, { verdict: 'AGREE' })).status).toBe(201);

    const refused = await callRoute(deskRoute.PATCH, '/api/desk', { method: 'PATCH', token: peer.token, json: { peerReview: false } });
    expect(refused.status).toBe(403);
    const off = await callRoute(deskRoute.PATCH, '/api/desk', { method: 'PATCH', token: admin.token, json: { peerReview: false } });
    expect(off.status).toBe(200);
    expect(off.data.desk).toMatchObject({ peerReview: false });
    expect((await callRoute(deskRoute.GET, '/api/desk', { token: peer.token })).data.desk).toMatchObject({ peerReview: false, name: 'Claimdesk' });

    const denied = await review(peer, annotationId, { verdict: 'DISPUTE', comment: 'Changed my mind.' });
    expect(denied.status).toBe(403);
    expect(denied.data.error?.message).toMatch(/Peer review is off/);
    expect(await storedStatus(annotationId)).toBe('CONFIRMED');
    // Reviewers and admins still can.
    expect((await review(reviewer, annotationId, { verdict: 'AGREE' })).status).toBe(201);
    expect((await review(admin, annotationId, { verdict: 'AGREE' })).status).toBe(201);
  });

  it('validates the body: dispute needs a comment, suggestedTag must be a tag, verdict must be known', async () => {
    for (const comment of [undefined, '', '   ']) {
      const res = await review(reviewer, annotationId, { verdict: 'DISPUTE', comment });
      expect(res.status).toBe(400);
      expect(res.data.error?.message).toMatch(/comment/);
    }
    const unknownTag = await review(reviewer, annotationId, { verdict: 'DISPUTE', comment: 'Should be intel.', suggestedTag: 'no-such-tag' });
    expect(unknownTag.status).toBe(400);
    expect(unknownTag.data.error?.message).toMatch(/suggestedTag/);
    expect((await review(reviewer, annotationId, { verdict: 'MAYBE' })).status).toBe(400);
    expect(await getDb().review.count()).toBe(0);
    const ok = await review(reviewer, annotationId, { verdict: 'DISPUTE', comment: 'Should be intel.', suggestedTag: 'intelligence' });
    expect(ok.status).toBe(201);
    expect(ok.data.review).toMatchObject({ suggestedTag: 'intelligence', comment: 'Should be intel.' });
  });

  it('404 for a deleted or unknown annotation', async () => {
    await getDb().annotation.update({ where: { id: annotationId }, data: { deletedAt: new Date() } });
    expect((await review(reviewer, annotationId, { verdict: 'AGREE' })).status).toBe(404);
    expect((await review(reviewer, 'nope', { verdict: 'AGREE' })).status).toBe(404);
  });

  it('writes a "review" audit event with before/after status and the verdict, in the same transaction', async () => {
    await review(reviewer, annotationId, { verdict: 'DISPUTE', comment: 'Misattributed.', suggestedTag: 'analyst' });
    const events = await getDb().annotationEvent.findMany({ where: { annotationId } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'review',
      actorId: reviewer.id,
      before: { status: 'UNREVIEWED' },
      after: { status: 'DISPUTED', verdict: 'DISPUTE', comment: 'Misattributed.', suggestedTag: 'analyst' },
    });
    // A refused verdict leaves no trace.
    await review(analyst, annotationId, { verdict: 'AGREE' });
    expect(await getDb().annotationEvent.count({ where: { annotationId } })).toBe(1);
  });

  it('keeps one current verdict per reviewer under concurrent submissions', async () => {
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => review(reviewer, annotationId, i % 2 ? { verdict: 'AGREE' } : { verdict: 'NEEDS_SOURCE' })),
    );
    expect(results.every((r) => r.status === 201)).toBe(true);
    const current = await getDb().review.findMany({ where: { annotationId, supersededAt: null } });
    expect(current).toHaveLength(1);
    expect(await storedStatus(annotationId)).toBe(current[0]!.verdict === 'AGREE' ? 'CONFIRMED' : 'NEEDS_SOURCE');
  });
});
