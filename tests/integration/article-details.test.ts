// PATCH /api/articles/:id/details: correcting a document's details after import (a source's issuing
// body, symbol, date, URL; its kind; the title): who may, what is refused, and the audit entry.
import { beforeEach, describe, expect, it } from 'vitest';
import * as articlesRoute from '@/app/api/articles/route';
import * as detailsRoute from '@/app/api/articles/[id]/details/route';
import type { ArticleSummaryDto } from '@/lib/articles/article-dto';
import { getDb } from '@/lib/db/server/prisma';
import { callRoute } from '@/tests/support/call-route';
import { createTestUser, resetDatabase, type TestUser } from '@/tests/support/fixtures';

describe('article details', () => {
  let ana: TestUser;
  let bo: TestUser;
  let reviewer: TestUser;
  let id: string;

  const patch = (user: TestUser | null, json: unknown, articleId = id) =>
    callRoute<{ article: ArticleSummaryDto }>(detailsRoute.PATCH, `/api/articles/${articleId}/details`, { method: 'PATCH', token: user?.token, json, params: { id: articleId } });

  beforeEach(async () => {
    await resetDatabase();
    ana = await createTestUser('ANALYST', { name: 'Ana' });
    bo = await createTestUser('ANALYST', { name: 'Bo' });
    reviewer = await createTestUser('REVIEWER', { name: 'Rev' });
    const created = await callRoute<{ article: { id: string } }>(articlesRoute.POST, '/api/articles', {
      method: 'POST',
      token: ana.token,
      json: { format: 'text', content: 'Monitoring report\nThe Team counted 6,000 fighters.\n', kind: 'source', issuer: 'UN Secretariat', symbol: 'S/2026/1' },
    });
    expect(created.status).toBe(201);
    id = created.data.article.id;
  });

  it('the importer corrects the source details; the change is audited with before and after; the text is untouched', async () => {
    const res = await patch(ana, { issuer: 'UN Security Council', symbol: 'S/2026/482', publishedAt: '2026-07-03', url: 'https://example.org/s-2026-482' });
    expect(res.status).toBe(200);
    expect(res.data.article).toMatchObject({ id, kind: 'source', issuer: 'UN Security Council', symbol: 'S/2026/482', url: 'https://example.org/s-2026-482', title: 'Monitoring report' });
    expect(res.data.article.publishedAt).toMatch(/^2026-07-03/);
    const events = await getDb().articleEvent.findMany({ where: { articleId: id } });
    expect(events.map((e) => [e.action, e.actorId])).toEqual([['details_changed', ana.id]]);
    expect(events[0]!.before).toEqual({ issuer: 'UN Secretariat', symbol: 'S/2026/1', publishedAt: null, url: null });
    expect(events[0]!.after).toMatchObject({ issuer: 'UN Security Council', symbol: 'S/2026/482', url: 'https://example.org/s-2026-482' });
    expect(await getDb().articleVersion.count({ where: { articleId: id } })).toBe(1);

    // Clearing with null or "", and the same value again writes no second audit entry.
    expect((await patch(ana, { symbol: '' })).data.article.symbol).toBeNull();
    expect((await patch(ana, { symbol: null, issuer: 'UN Security Council' })).status).toBe(200);
    expect(await getDb().articleEvent.count({ where: { articleId: id } })).toBe(2);
  });

  it('a reviewer may change any document, another analyst may not (403, nothing stored)', async () => {
    const refused = await patch(bo, { symbol: 'S/2026/999' });
    expect(refused.status).toBe(403);
    expect(refused.data.error?.message).toMatch(/imported this document, a reviewer or an admin/);
    expect((await getDb().article.findUniqueOrThrow({ where: { id } })).symbol).toBe('S/2026/1');
    const byReviewer = await patch(reviewer, { kind: 'article' });
    expect(byReviewer.status).toBe(200);
    expect(byReviewer.data.article.kind).toBe('article');
  });

  it('401 without credentials, 404 for an unknown document, 400 for bad or empty input', async () => {
    expect((await patch(null, { symbol: 'x' })).status).toBe(401);
    expect((await patch(ana, { symbol: 'x' }, 'nope')).status).toBe(404);
    const empty = await patch(ana, {});
    expect(empty.status).toBe(400);
    expect(empty.data.error?.message).toMatch(/at least one detail/);
    expect((await patch(ana, { title: '' })).data.error?.message).toMatch(/title cannot be empty/);
    expect((await patch(ana, { url: 'ftp://example.org' })).data.error?.message).toMatch(/url must be an http\(s\) URL/);
    expect((await patch(ana, { kind: 'report' })).data.error?.message).toMatch(/kind must be one of: article, source/);
    expect((await patch(ana, { publishedAt: '3 July' })).status).toBe(400);
    expect((await patch(ana, { content: 'new text' })).status).toBe(400);
    expect(await getDb().articleEvent.count({ where: { articleId: id } })).toBe(0);
  });
});
