// The import endpoints with real documents: saved web pages, PDFs (multipart and base64 JSON),
// and every refusal — each checked to leave the database as it was.
import { beforeEach, describe, expect, it } from 'vitest';
import * as articlesRoute from '@/app/api/articles/route';
import * as articleRoute from '@/app/api/articles/[id]/route';
import * as previewRoute from '@/app/api/articles/preview/route';
import * as versionsRoute from '@/app/api/articles/[id]/versions/route';
import * as annotationsRoute from '@/app/api/articles/[id]/annotations/route';
import * as exportRoute from '@/app/api/articles/[id]/export/route';
import * as importRoute from '@/app/api/articles/[id]/annotations/import/route';
import type { ArticleParseErrorCode } from '@/lib/articles/article-parse-error';
import { getDb } from '@/lib/db/server/prisma';
import { MAX_MULTIPART_BODY_BYTES } from '@/lib/documents/import-limits';
import { NO_TEXT_LAYER_MESSAGE } from '@/lib/documents/server/parse-pdf';
import { callRoute } from '@/tests/support/call-route';
import { createTestUser, demoArticle, resetDatabase, type TestUser } from '@/tests/support/fixtures';
import type { AnnotationBody, ArticleBody, CreatedArticleBody } from '@/tests/support/route-bodies';
import { makePdf, makeScannedPdf, prose } from '@/tests/support/make-pdf';
import { CHROME_PHRASES, newsPage, URDU_PARAGRAPHS, urduPage } from '@/tests/support/saved-pages';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89]);

/** A refused import names why in `details.reason` (lib/articles/parse-error-to-app-error.ts). */
type ParseRefusal = { error?: { details?: { reason: ArticleParseErrorCode } } };

function upload(bytes: Uint8Array | string, name: string, fields: Record<string, string> = {}): FormData {
  const form = new FormData();
  form.set('file', new File([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], name));
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return form;
}

async function twoPagePdf(): Promise<Uint8Array> {
  return makePdf({
    title: 'Situation report 14',
    author: 'Office for the Coordination of Relief',
    runningHeader: 'Situation report 14 — page {n}',
    pageNumbers: true,
    pages: [
      { blocks: [{ kind: 'heading', text: 'Situation report 14', size: 20 }, { kind: 'paragraph', text: prose(0, 6) }] },
      { blocks: [{ kind: 'heading', text: 'Access constraints', size: 14 }, { kind: 'paragraph', text: `Convoys were stopped at the river crossing twice this week. ${prose(40, 3)}` }] },
    ],
  });
}

async function counts() {
  const db = getDb();
  return { articles: await db.article.count(), versions: await db.articleVersion.count() };
}

describe('document import endpoints', () => {
  let user: TestUser;
  beforeEach(async () => {
    await resetDatabase();
    user = await createTestUser();
  });

  const post = (options: { form?: FormData; json?: unknown; body?: BodyInit; headers?: Record<string, string> }) =>
    callRoute<CreatedArticleBody & ParseRefusal>(articlesRoute.POST, '/api/articles', { method: 'POST', token: user.token, ...options });

  it('imports an uploaded PDF with its page map; the stored version reports it', async () => {
    const res = await post({ form: upload(await twoPagePdf(), 'sitrep.pdf') });
    expect(res.status).toBe(201);
    expect(res.data.article).toMatchObject({ title: 'Situation report 14', byline: 'Office for the Coordination of Relief' });
    expect(res.data.version).toMatchObject({ format: 'pdf', pageCount: 2 });
    const id = res.data.article.id;
    const stored = await callRoute<ArticleBody>(articleRoute.GET, `/api/articles/${id}`, { token: user.token, params: { id } });
    const { version } = stored.data;
    expect(version.format).toBe('pdf');
    expect(version.text).not.toContain('Situation report 14 — page');
    expect(version.pages).toEqual([
      { page: 1, label: '1', start: 0 },
      { page: 2, label: '2', start: version.text.indexOf('Access constraints') },
    ]);

    // A passage on page 2 is annotated like any other text.
    const exact = 'Convoys were stopped at the river crossing twice this week.';
    const start = version.text.indexOf(exact);
    const created = await callRoute<AnnotationBody>(annotationsRoute.POST, `/api/articles/${id}/annotations`, {
      method: 'POST',
      token: user.token,
      params: { id },
      json: { start, end: start + exact.length, exact, tag: 'un' },
    });
    expect(created.status).toBe(201);
  });

  it('takes a PDF as base64 JSON too (format "pdf"), and a data: URL', async () => {
    const b64 = Buffer.from(await twoPagePdf()).toString('base64');
    const plain = await post({ json: { format: 'pdf', content: b64, title: 'Given title' } });
    expect(plain.status).toBe(201);
    expect(plain.data.article).toMatchObject({ title: 'Given title' });
    const dataUrl = await post({ json: { format: 'pdf', content: `data:application/pdf;base64,${b64}`, byline: '' } });
    expect(dataUrl.status).toBe(201);
    // An explicit blank clears what the PDF declares.
    expect(dataUrl.data.article).toMatchObject({ byline: null });
  });

  it('imports a saved web page without its chrome and with the page’s metadata', async () => {
    const res = await post({ form: upload(newsPage(), 'northern-crossing.html', { outlet: 'Desk copy' }) });
    expect(res.status).toBe(201);
    expect(res.data.article).toMatchObject({
      title: 'Northern crossing reopens after 11-day closure',
      outlet: 'Desk copy',
      byline: 'Amina Qureshi, Tomas Lindqvist',
      publishedAt: '2026-11-17T06:30:00.000Z',
      url: 'https://meridian-ledger.example/world/2026/11/northern-crossing-reopens',
    });
    const id = res.data.article.id;
    const stored = await callRoute<ArticleBody>(articleRoute.GET, `/api/articles/${id}`, { token: user.token, params: { id } });
    const text = stored.data.version.text;
    for (const phrase of CHROME_PHRASES) expect(text).not.toContain(phrase);
    expect(stored.data.version.format).toBe('html');
  });

  it('previews an upload — format, metadata, size — and stores nothing', async () => {
    const before = await counts();
    const res = await callRoute(previewRoute.POST, '/api/articles/preview', { method: 'POST', token: user.token, form: upload(await twoPagePdf(), 'x.bin') });
    expect(res.status).toBe(200);
    expect(res.data.preview).toMatchObject({ format: 'pdf', webPage: false, title: 'Situation report 14', byline: 'Office for the Coordination of Relief', pageCount: 2, pagesWithoutText: [] });
    const page = await callRoute(previewRoute.POST, '/api/articles/preview', { method: 'POST', token: user.token, json: { format: 'html', content: newsPage() } });
    expect(page.data.preview).toMatchObject({ format: 'html', webPage: true, outlet: 'The Meridian Ledger' });
    expect(await counts()).toEqual(before);
    const anonymous = await callRoute(previewRoute.POST, '/api/articles/preview', { method: 'POST', json: { format: 'text', content: 'a' } });
    expect(anonymous.status).toBe(401);
  });

  it('refuses what is not a document, each with its status and sentence, storing nothing', async () => {
    const before = await counts();
    const cases: Array<{ name: string; res: Promise<Awaited<ReturnType<typeof post>>>; status: number; message: RegExp; reason: string }> = [
      { name: 'empty file', res: post({ form: upload('', 'empty.txt') }), status: 400, message: /^The file is empty\.$/, reason: 'empty' },
      { name: 'blank file', res: post({ form: upload(' \n\n ', 'blank.md') }), status: 400, message: /^The file is empty\.$/, reason: 'empty' },
      { name: 'image', res: post({ form: upload(PNG, 'photo.pdf') }), status: 415, message: /PNG image.*Claimdesk imports plain text \(\.txt\), Markdown \(\.md\), HTML/, reason: 'unsupported_type' },
      { name: 'base64 image as pdf', res: post({ json: { format: 'pdf', content: Buffer.from(PNG).toString('base64') } }), status: 415, message: /PNG image/, reason: 'unsupported_type' },
      { name: 'PDF pasted as text', res: post({ json: { format: 'text', content: '%PDF-1.7\n%âãÏÓ\n1 0 obj' } }), status: 415, message: /PDF sent as text/, reason: 'unsupported_type' },
      { name: 'scanned PDF', res: makeScannedPdf().then((b) => post({ form: upload(b, 'scan.pdf') })), status: 422, message: new RegExp(`^${NO_TEXT_LAYER_MESSAGE.replace(/[.()]/g, '\\$&')}$`), reason: 'no_text_layer' },
      { name: 'damaged PDF', res: post({ form: upload('%PDF-1.7\ngarbage that is no PDF', 'broken.pdf') }), status: 422, message: /could not be read/, reason: 'unreadable' },
    ];
    for (const c of cases) {
      const res = await c.res;
      expect(res.status, c.name).toBe(c.status);
      expect(res.data.error?.message, c.name).toMatch(c.message);
      expect(res.data.error?.details?.reason, c.name).toBe(c.reason);
    }
    const png = await post({ form: upload(PNG, 'photo.png') });
    expect(png.data.error?.details).toMatchObject({ accepted: ['text/plain', 'text/markdown', 'text/html', 'application/pdf'], detected: 'image/png' });

    const notBase64 = await post({ json: { format: 'pdf', content: 'this is not base64!' } });
    expect(notBase64.status).toBe(400);
    expect(notBase64.data.error?.message).toMatch(/base64/);
    const noFile = await post({ form: (() => { const f = new FormData(); f.set('title', 'x'); return f; })() });
    expect(noFile.status).toBe(400);
    expect(noFile.data.error?.message).toMatch(/"file" field/);
    const unknownField = await post({ form: upload('Headline\nBody.', 'a.txt', { secret: '1' }) });
    expect(unknownField.status).toBe(400);
    expect(await counts()).toEqual(before);
  });

  it('answers 413 from the declared length, and stops reading a body that outgrows the limit', async () => {
    const before = await counts();
    const declared = await post({ body: 'x', headers: { 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(MAX_MULTIPART_BODY_BYTES + 1) } });
    expect(declared.status).toBe(413);

    let pulled = 0;
    const chunk = new Uint8Array(1024 * 1024);
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        if (pulled > 100) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const streamed = await post({ body: endless, headers: { 'content-type': 'multipart/form-data; boundary=x' } });
    expect(streamed.status).toBe(413);
    expect(streamed.data.error?.message).toMatch(/larger than 20 MB/);
    // It stopped soon after the limit instead of reading all 100 MB.
    expect(pulled).toBeLessThan(30);
    expect(await counts()).toEqual(before);
  });

  it('adds a version from an uploaded PDF; a refused upload adds none', async () => {
    const { article } = await demoArticle();
    const params = { id: article.id };
    const refused = await callRoute(versionsRoute.POST, `/api/articles/${article.id}/versions`, { method: 'POST', token: user.token, params, form: upload(PNG, 'v2.pdf') });
    expect(refused.status).toBe(415);
    expect(await getDb().articleVersion.count({ where: { articleId: article.id } })).toBe(1);
    const metadataRefused = await callRoute(versionsRoute.POST, `/api/articles/${article.id}/versions`, { method: 'POST', token: user.token, params, form: upload(await twoPagePdf(), 'v2.pdf', { title: 'x' }) });
    expect(metadataRefused.status).toBe(400);

    const added = await callRoute(versionsRoute.POST, `/api/articles/${article.id}/versions`, { method: 'POST', token: user.token, params, form: upload(await twoPagePdf(), 'v2.pdf') });
    expect(added.status).toBe(201);
    const latest = await getDb().articleVersion.findFirstOrThrow({ where: { articleId: article.id }, orderBy: { number: 'desc' } });
    expect(latest).toMatchObject({ number: 2, format: 'pdf' });
    expect(latest.pages).toHaveLength(2);
  });

  it('round-trips an annotation on an Urdu article: stored, exported (HTML right to left, JSON-LD) and imported at the same words', async () => {
    const first = await post({ form: upload(urduPage(), 'urdu.html') });
    const second = await post({ form: upload(urduPage(), 'urdu-copy.html') });
    expect(first.status).toBe(201);
    const [a, b] = [first, second].map((r) => r.data.article.id);
    const stored = await callRoute<ArticleBody>(articleRoute.GET, `/api/articles/${a}`, { token: user.token, params: { id: a } });
    const text = stored.data.version.text;
    const exact = URDU_PARAGRAPHS[1]!.slice(0, 32);
    const start = text.indexOf(exact);
    expect(start).toBeGreaterThan(0);
    const created = await callRoute<AnnotationBody>(annotationsRoute.POST, `/api/articles/${a}/annotations`, { method: 'POST', token: user.token, params: { id: a }, json: { start, end: start + exact.length, exact, tag: 'un' } });
    expect(created.status).toBe(201);
    expect(created.data.annotation.target).toMatchObject({ exact, start });

    const html = await callRoute(exportRoute.GET, `/api/articles/${a}/export?format=html`, { token: user.token, params: { id: a } });
    expect(html.text).toContain(`<p dir="auto">${URDU_PARAGRAPHS[0]}</p>`);
    expect(html.text).toContain(`${exact}<sup id="ref-1">`);
    const jsonld = await callRoute(exportRoute.GET, `/api/articles/${a}/export?format=jsonld`, { token: user.token, params: { id: a } });
    expect(jsonld.text).toContain(exact);
    const imported = await callRoute(importRoute.POST, `/api/articles/${b}/annotations/import`, { method: 'POST', token: user.token, params: { id: b }, body: jsonld.text });
    expect(imported.data).toMatchObject({ imported: 1, orphaned: 0 });
    const copy = await getDb().annotation.findFirstOrThrow({ where: { articleId: b } });
    expect(copy).toMatchObject({ start, end: start + exact.length, exact, anchorState: 'exact' });
  });
});
