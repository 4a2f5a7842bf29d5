import { beforeEach, describe, expect, it } from 'vitest';
import * as exportRoute from '@/app/api/articles/[id]/export/route';
import * as importRoute from '@/app/api/articles/[id]/annotations/import/route';
import { getDb } from '@/lib/db/server/prisma';
import type { ImportSummary } from '@/lib/export/server/import-annotations';
import { callRoute, callRouteRaw } from '@/tests/support/call-route';
import { createAnnotation, createReview, createTestUser, demoArticle, resetDatabase, SENTENCES, type TestUser } from '@/tests/support/fixtures';
import { readZip } from '@/tests/unit/export/zip';

type Ctx = { user: TestUser; reviewer: TestUser; articleId: string; versionId: string; text: string };

async function setup(): Promise<Ctx> {
  const user = await createTestUser('ANALYST', { name: 'Amira Exporter' });
  const reviewer = await createTestUser('REVIEWER', { name: 'Rhea Reviewer' });
  const { article, version } = await demoArticle();
  return { user, reviewer, articleId: article.id, versionId: version.id, text: version.text };
}

const exportUrl = (id: string, query: string) => `/api/articles/${id}/export?${query}`;

describe('GET /api/articles/:id/export', () => {
  let ctx: Ctx;
  beforeEach(async () => {
    await resetDatabase();
    ctx = await setup();
  });

  it('returns every format with its content type, an attachment filename and the claim', async () => {
    // CONFIRMED: ClaimReview only carries claims a reviewer settled (confirmed or disputed).
    await createAnnotation(ctx.user, SENTENCES.un, { on: ctx, tag: 'un', data: { note: 'Checked against the report.', status: 'CONFIRMED' } });
    const expected: Record<string, { type: RegExp; ext: string }> = {
      md: { type: /^text\/markdown; charset=utf-8/, ext: 'md' },
      html: { type: /^text\/html; charset=utf-8/, ext: 'html' },
      csv: { type: /^text\/csv; charset=utf-8/, ext: 'csv' },
      jsonld: { type: /^application\/ld\+json; profile="http:\/\/www\.w3\.org\/ns\/anno\.jsonld"/, ext: 'jsonld' },
      claimreview: { type: /^application\/ld\+json; charset=utf-8/, ext: 'claimreview.jsonld' },
      docx: { type: /^application\/vnd\.openxmlformats-officedocument\.wordprocessingml\.document$/, ext: 'docx' },
    };
    for (const [format, want] of Object.entries(expected)) {
      const res = await callRouteRaw(exportRoute.GET, exportUrl(ctx.articleId, `format=${format}`), { token: ctx.user.token, params: { id: ctx.articleId } });
      expect(res.status, format).toBe(200);
      expect(res.headers.get('content-type'), format).toMatch(want.type);
      expect(res.headers.get('content-disposition'), format).toBe(`attachment; filename="un-flags-militant-nexus-threatening-pakistan-v1.${want.ext}"`);
      const body = format === 'docx' ? readZip(res.bytes).get('word/document.xml')!.toString('utf8') : res.bytes.toString('utf8');
      expect(body, format).toContain(SENTENCES.un);
    }
  });

  it('prints a PDF with headless Chromium', async () => {
    await createAnnotation(ctx.user, SENTENCES.un, { on: ctx, tag: 'un' });
    const res = await callRouteRaw(exportRoute.GET, exportUrl(ctx.articleId, 'format=pdf'), { token: ctx.user.token, params: { id: ctx.articleId } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="un-flags-militant-nexus-threatening-pakistan-v1.pdf"');
    expect(res.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(res.bytes.length).toBeGreaterThan(5_000);
  });

  it('answers 501 with advice when Chromium is missing', async () => {
    const { closePdfBrowser } = await import('@/lib/export/server/render-pdf');
    await closePdfBrowser();
    const saved = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    try {
      const res = await callRoute(exportRoute.GET, exportUrl(ctx.articleId, 'format=pdf'), { token: ctx.user.token, params: { id: ctx.articleId } });
      expect(res.status).toBe(501);
      expect(res.data.error?.message).toMatch(/Print \/ Save as PDF|format=html/);
    } finally {
      if (saved === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = saved;
    }
  });

  it('refuses an unknown or missing format with the list of valid ones', async () => {
    for (const query of ['format=rtf', '']) {
      const res = await callRoute(exportRoute.GET, exportUrl(ctx.articleId, query), { token: ctx.user.token, params: { id: ctx.articleId } });
      expect(res.status).toBe(400);
      expect(res.data.error?.code).toBe('validation_failed');
      expect(res.data.error?.message).toContain('md, docx, html, pdf, csv, jsonld, claimreview');
    }
  });

  it('refuses unknown options and bad values, listing the valid options', async () => {
    for (const query of ['format=md&fromat=md', 'format=md&notes=yes', 'format=md&group=author', 'format=md&only=mine', 'format=md&tags=nope']) {
      const res = await callRoute(exportRoute.GET, exportUrl(ctx.articleId, query), { token: ctx.user.token, params: { id: ctx.articleId } });
      expect(res.status, query).toBe(400);
      expect(res.data.error?.code, query).toBe('validation_failed');
    }
    const unknown = await callRoute(exportRoute.GET, exportUrl(ctx.articleId, 'format=md&colour=red'), { token: ctx.user.token, params: { id: ctx.articleId } });
    expect(unknown.data.error?.message).toMatch(/Unknown option "colour"/);
    expect(unknown.data.error?.message).toMatch(/group=tag\|document.*only=confirmed.*notes=0\|1/);
    const badTag = await callRoute(exportRoute.GET, exportUrl(ctx.articleId, 'format=md&tags=un,nope'), { token: ctx.user.token, params: { id: ctx.articleId } });
    expect(badTag.data.error?.message).toMatch(/Unknown tag "nope".*un, intelligence, analyst/);
  });

  it('needs a signed-in user and a real article', async () => {
    const signedOut = await callRoute(exportRoute.GET, exportUrl(ctx.articleId, 'format=md'), { params: { id: ctx.articleId } });
    expect(signedOut.status).toBe(401);
    const missing = await callRoute(exportRoute.GET, exportUrl('nope', 'format=md'), { token: ctx.user.token, params: { id: 'nope' } });
    expect(missing.status).toBe(404);
    expect(missing.data.error?.code).toBe('not_found');
  });

  it('escapes a <script> note in html and md', async () => {
    await createAnnotation(ctx.user, SENTENCES.un, { on: ctx, tag: 'un', data: { note: '<script>alert(1)</script> and <img src=x onerror=alert(2)>' } });
    const html = await callRoute(exportRoute.GET, exportUrl(ctx.articleId, 'format=html'), { token: ctx.user.token, params: { id: ctx.articleId } });
    expect(html.text).not.toContain('<script>');
    expect(html.text).not.toContain('<img src=x');
    expect(html.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const md = await callRoute(exportRoute.GET, exportUrl(ctx.articleId, 'format=md'), { token: ctx.user.token, params: { id: ctx.articleId } });
    expect(md.text).not.toContain('<script>');
    expect(md.text).toMatch(/\\<script|&lt;script/);
  });

  it('neutralises spreadsheet formulas in CSV and starts with a BOM', async () => {
    await createAnnotation(ctx.user, SENTENCES.un, { on: ctx, tag: 'un', data: { note: '=HYPERLINK("http://evil.example","x")' } });
    const res = await callRouteRaw(exportRoute.GET, exportUrl(ctx.articleId, 'format=csv'), { token: ctx.user.token, params: { id: ctx.articleId } });
    expect([...res.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = res.bytes.toString('utf8');
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
    expect(csv).toContain(`'=HYPERLINK`);
  });

  it('only=confirmed keeps confirmed claims; tags= and notes=0 filter too', async () => {
    await createAnnotation(ctx.user, SENTENCES.un, { on: ctx, tag: 'un', data: { status: 'CONFIRMED', note: 'note-one' } });
    await createAnnotation(ctx.user, SENTENCES.ik, { on: ctx, tag: 'intelligence', data: { note: 'note-two' } });
    const call = (q: string) => callRoute(exportRoute.GET, exportUrl(ctx.articleId, q), { token: ctx.user.token, params: { id: ctx.articleId } });
    const all = await call('format=csv');
    expect(all.text).toContain(SENTENCES.un);
    expect(all.text).toContain(SENTENCES.ik);
    const confirmed = await call('format=csv&only=confirmed');
    expect(confirmed.text).toContain(SENTENCES.un);
    expect(confirmed.text).not.toContain(SENTENCES.ik);
    const byTag = await call('format=csv&tags=intelligence');
    expect(byTag.text).not.toContain(SENTENCES.un);
    expect(byTag.text).toContain(SENTENCES.ik);
    const noNotes = await call('format=md&notes=0');
    expect(noNotes.text).not.toContain('note-one');
    expect((await call('format=md')).text).toContain('note-one');
  });

  it('includes current verdicts with reviewer names unless reviewers=0, and skips deleted annotations', async () => {
    const a = await createAnnotation(ctx.user, SENTENCES.un, { on: ctx, tag: 'un' });
    await createAnnotation(ctx.user, SENTENCES.credits, { on: ctx, tag: 'analyst', data: { deletedAt: new Date() } });
    await createReview(a, ctx.reviewer, 'DISPUTE', { comment: 'old verdict', supersededAt: new Date() });
    await createReview(a, ctx.reviewer, 'AGREE', { comment: 'current verdict' });
    const md = await callRoute(exportRoute.GET, exportUrl(ctx.articleId, 'format=md'), { token: ctx.user.token, params: { id: ctx.articleId } });
    expect(md.text).toContain('current verdict');
    expect(md.text).not.toContain('old verdict');
    expect(md.text).toContain('Rhea Reviewer');
    // The article text itself contains every sentence; the deleted claim must not be quoted as a claim.
    expect(md.text).not.toContain(`> ${SENTENCES.credits}`);
    expect(md.text).toContain('1 claim (1 in the text, 0 orphaned)');
    const anonymous = await callRoute(exportRoute.GET, exportUrl(ctx.articleId, 'format=md&reviewers=0'), { token: ctx.user.token, params: { id: ctx.articleId } });
    expect(anonymous.text).toContain('current verdict');
    expect(anonymous.text).not.toContain('Rhea Reviewer');
  });
});

describe('POST /api/articles/:id/annotations/import', () => {
  let ctx: Ctx;
  beforeEach(async () => {
    await resetDatabase();
    ctx = await setup();
  });

  async function secondArticleWithSameText() {
    const db = getDb();
    const v = await db.articleVersion.findUniqueOrThrow({ where: { id: ctx.versionId } });
    const copy = await db.article.create({
      data: {
        title: 'Copy',
        createdById: ctx.user.id,
        versions: { create: { number: 1, doc: v.doc ?? {}, text: v.text, contentHash: `${v.contentHash}-copy` } },
      },
      include: { versions: true },
    });
    return { articleId: copy.id, versionId: copy.versions[0]!.id };
  }

  it('round-trips a jsonld export into another article with the same text', async () => {
    const originals = [
      await createAnnotation(ctx.user, SENTENCES.un, { on: ctx, tag: 'un', data: { note: 'A note\nover two lines', sourceDetail: 'UN MT report, para 12', confidence: 'high', reliability: 'B', credibility: 2 } }),
      await createAnnotation(ctx.user, SENTENCES.ik, { on: ctx, tag: 'intelligence', data: { confidence: 'low' } }),
      await createAnnotation(ctx.user, SENTENCES.credits, { on: ctx, tag: 'analyst' }),
    ];
    const exported = await callRoute(exportRoute.GET, exportUrl(ctx.articleId, 'format=jsonld'), { token: ctx.user.token, params: { id: ctx.articleId } });
    expect(exported.status).toBe(200);

    const importer = await createTestUser('ANALYST');
    const target = await secondArticleWithSameText();
    const res = await callRoute(importRoute.POST, `/api/articles/${target.articleId}/annotations/import`, {
      method: 'POST',
      token: importer.token,
      body: exported.text,
      params: { id: target.articleId },
    });
    expect(res.status).toBe(201);
    expect(res.data).toMatchObject({ imported: 3, orphaned: 0, skipped: [] });

    const db = getDb();
    const strip = ({ id: _id, authorId: _a, createdAt: _c, updatedAt: _u, articleId: _ar, versionId: _v, liveSeq: _l, ...rest }: (typeof originals)[number]) => rest;
    const imported = await db.annotation.findMany({ where: { articleId: target.articleId }, orderBy: { start: 'asc' } });
    expect(imported.map(strip)).toEqual([...originals].sort((a, b) => a.start - b.start).map(strip));
    expect(imported.every((a) => a.authorId === importer.id && a.versionId === target.versionId)).toBe(true);

    const events = await db.annotationEvent.findMany({ where: { annotationId: { in: imported.map((a) => a.id) } } });
    expect(events).toHaveLength(3);
    expect(events.every((e) => e.action === 'created' && (e.after as { imported?: boolean }).imported === true)).toBe(true);
    expect(events.map((e) => (e.after as { originalCreator?: string }).originalCreator)).toEqual(['Amira Exporter', 'Amira Exporter', 'Amira Exporter']);
  });

  it('imports an unanchorable quote as orphaned and skips unknown tags with a reason', async () => {
    const doc = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationPage',
      items: [
        anno('https://x.example/a/1', 'un', 'A sentence that appears nowhere in this article, not even approximately.'),
        anno('https://x.example/a/2', 'weather', SENTENCES.un),
        anno('https://x.example/a/3', 'intelligence', SENTENCES.ik),
      ],
    };
    const res = await callRoute<ImportSummary>(importRoute.POST, `/api/articles/${ctx.articleId}/annotations/import`, { method: 'POST', token: ctx.user.token, json: doc, params: { id: ctx.articleId } });
    expect(res.status).toBe(201);
    expect(res.data).toMatchObject({ imported: 2, orphaned: 1 });
    const { skipped } = res.data;
    expect(skipped).toHaveLength(1);
    expect(skipped[0]).toMatchObject({ id: 'https://x.example/a/2' });
    expect(skipped[0]!.reason).toMatch(/unknown tag "weather"/);
    const rows = await getDb().annotation.findMany({ where: { articleId: ctx.articleId }, orderBy: { createdAt: 'asc' } });
    const orphan = rows.find((r) => r.anchorState === 'orphaned')!;
    expect(orphan.exact).toContain('appears nowhere');
    const anchored = rows.find((r) => r.anchorState === 'exact')!;
    expect(ctx.text.slice(anchored.start, anchored.end)).toBe(SENTENCES.ik);
  });

  it('answers 400 with readable errors on garbage, 413 over 1 MB, 401 signed out, 404 unknown article', async () => {
    // `token: null` means signed out (a default parameter would swallow an explicit `undefined`).
    const post = (body: string, token: string | null = ctx.user.token, id = ctx.articleId) =>
      callRoute(importRoute.POST, `/api/articles/${id}/annotations/import`, { method: 'POST', token: token ?? undefined, body, headers: { 'content-type': 'application/json' }, params: { id } });
    const notJson = await post('{not json');
    expect(notJson.status).toBe(400);
    expect(notJson.data.error?.message).toMatch(/not valid JSON/);
    const wrongShape = await post(JSON.stringify({ type: 'AnnotationCollection', id: 'urn:x' }));
    expect(wrongShape.status).toBe(400);
    expect(wrongShape.data.error?.message).toMatch(/@context/);
    const huge = await post(JSON.stringify({ pad: 'x'.repeat(1024 * 1024 + 10) }));
    expect(huge.status).toBe(413);
    expect(huge.data.error?.code).toBe('payload_too_large');
    expect((await post('[]', null)).status).toBe(401);
    expect((await post('[]', ctx.user.token, 'nope')).status).toBe(404);
    expect(await getDb().annotation.count()).toBe(0);
  });
});

function anno(id: string, tag: string, exact: string) {
  return {
    id,
    type: 'Annotation',
    motivation: 'tagging',
    body: { type: 'TextualBody', purpose: 'tagging', value: tag },
    target: { source: 'https://news.example/article', selector: { type: 'TextQuoteSelector', exact } },
  };
}
