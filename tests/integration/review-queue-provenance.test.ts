// GET /api/review-queue?provenance=unlinked (#15 item 4): claims nobody has linked to a source yet,
// alone or with the tag filter ("tagged UN report but no UN document linked").
import { beforeEach, describe, expect, it } from 'vitest';
import * as articlesRoute from '@/app/api/articles/route';
import * as evidenceRoute from '@/app/api/annotations/[id]/evidence/route';
import * as linkRoute from '@/app/api/evidence/[id]/route';
import * as queueRoute from '@/app/api/review-queue/route';
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import type { EvidenceDto } from '@/lib/provenance/evidence-dto';
import type { ReviewQueue } from '@/lib/client/review-api';
import { callRoute } from '@/tests/support/call-route';
import { createAnnotation, createTestUser, demoArticle, resetDatabase, SENTENCES, type TestUser } from '@/tests/support/fixtures';

const REPORT = 'Monitoring Team report\nMember States assessed that the TTP carried out more than 600 attacks in Pakistan in 2025.\n';
const PASSAGE = 'Member States assessed that the TTP carried out more than 600 attacks in Pakistan in 2025.';


describe('review queue: provenance filter', () => {
  let ana: TestUser;
  let bo: TestUser;
  let reviewer: TestUser;
  let sourceId: string;

  const queue = (user: TestUser | null, query: Record<string, string> = {}) => callRoute<ReviewQueue>(queueRoute.GET, '/api/review-queue', { token: user?.token, query });
  const ids = async (user: TestUser, query: Record<string, string> = {}) => {
    const res = await queue(user, query);
    expect(res.status).toBe(200);
    return res.data.annotations.map((a) => a.id);
  };
  const link = (user: TestUser, claimId: string, json: Record<string, unknown>) =>
    callRoute<{ evidence: EvidenceDto }>(evidenceRoute.POST, `/api/annotations/${claimId}/evidence`, { method: 'POST', token: user.token, json: { documentId: sourceId, ...json }, params: { id: claimId } });

  beforeEach(async () => {
    await resetDatabase();
    ana = await createTestUser('ANALYST', { name: 'Ana' });
    bo = await createTestUser('ANALYST', { name: 'Bo' });
    reviewer = await createTestUser('REVIEWER', { name: 'Rev' });
    await demoArticle();
    const created = await callRoute<{ article: { id: string } }>(articlesRoute.POST, '/api/articles', {
      method: 'POST',
      token: ana.token,
      json: { format: 'text', content: REPORT, kind: 'source', symbol: 'S/2026/9' },
    });
    expect(created.status).toBe(201);
    sourceId = created.data.article.id;
  });

  it('lists only claims without a live evidence link, alone or with the tag filter', async () => {
    const linked = await createAnnotation(ana, SENTENCES.ttp600, { data: { createdAt: new Date('2026-01-01T00:00:00Z') } });
    const unlinkedUn = await createAnnotation(ana, SENTENCES.twenty, { data: { createdAt: new Date('2026-01-02T00:00:00Z') } });
    const unlinkedIntel = await createAnnotation(bo, SENTENCES.nexus, { tag: 'intelligence', data: { createdAt: new Date('2026-01-03T00:00:00Z') } });
    const notFound = await createAnnotation(bo, SENTENCES.isk, { data: { createdAt: new Date('2026-01-04T00:00:00Z') } });
    const start = REPORT.indexOf(PASSAGE);
    const made = await link(bo, linked.id, { start, end: start + PASSAGE.length, exact: PASSAGE, relation: 'supports' });
    expect(made.status).toBe(201);
    // "Not found" is a finding too: the claim was checked against the source, so it is not unlinked.
    expect((await link(ana, notFound.id, { relation: 'not_found', note: 'searched for 2,000' })).status).toBe(201);

    expect(await ids(reviewer)).toEqual([linked.id, unlinkedUn.id, unlinkedIntel.id, notFound.id]);
    expect(await ids(reviewer, { provenance: 'unlinked' })).toEqual([unlinkedUn.id, unlinkedIntel.id]);
    expect(await ids(reviewer, { provenance: 'unlinked', tag: 'un' })).toEqual([unlinkedUn.id]);
    // Blank means "any", like the other filters.
    expect(await ids(reviewer, { provenance: '' })).toHaveLength(4);

    // A deleted link no longer counts: the claim is unlinked again.
    const id = made.data.evidence.id;
    expect((await callRoute(linkRoute.DELETE, `/api/evidence/${id}`, { method: 'DELETE', token: bo.token, params: { id } })).status).toBe(204);
    expect(await ids(reviewer, { provenance: 'unlinked' })).toEqual([linked.id, unlinkedUn.id, unlinkedIntel.id]);
  });

  it('keeps the queue’s own rules: my own claims never, others’ only (an analyst’s view)', async () => {
    const mine = await createAnnotation(ana, SENTENCES.twenty);
    const theirs = await createAnnotation(bo, SENTENCES.nexus);
    expect(await ids(ana, { provenance: 'unlinked' })).toEqual([theirs.id]);
    expect(await ids(bo, { provenance: 'unlinked' })).toEqual([mine.id]);
  });

  it('needs credentials, and refuses an unknown provenance filter naming the valid one', async () => {
    expect((await queue(null, { provenance: 'unlinked' })).status).toBe(401);
    const bad = await queue(reviewer, { provenance: 'verified' });
    expect(bad.status).toBe(400);
    expect(bad.data.error?.message).toMatch(/provenance must be one of: unlinked/);
  });
});
