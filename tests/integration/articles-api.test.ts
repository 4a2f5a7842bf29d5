import { beforeEach, describe, expect, it } from 'vitest';
import * as articlesRoute from '@/app/api/articles/route';
import * as articleRoute from '@/app/api/articles/[id]/route';
import * as versionsRoute from '@/app/api/articles/[id]/versions/route';
import { callRoute } from '@/tests/support/call-route';
import type { ArticleBody, CreatedArticleBody } from '@/tests/support/route-bodies';
import { createTestUser, demoArticle, resetDatabase } from '@/tests/support/fixtures';

describe('article endpoints', () => {
  beforeEach(resetDatabase);

  it('returns an article with its canonical text and TipTap doc', async () => {
    const user = await createTestUser();
    const { article } = await demoArticle();
    const res = await callRoute<ArticleBody>(articleRoute.GET, `/api/articles/${article.id}`, { token: user.token, params: { id: article.id } });
    expect(res.status).toBe(200);
    const { version } = res.data;
    expect(version.number).toBe(1);
    expect(version.text.startsWith('UN Flags Militant Nexus Threatening Pakistan\nISLAMABAD:')).toBe(true);
    // The API types the TipTap doc as unknown JSON.
    expect((version.doc as { type: string }).type).toBe('doc');
    const missing = await callRoute(articleRoute.GET, '/api/articles/nope', { token: user.token, params: { id: 'nope' } });
    expect(missing.status).toBe(404);
    expect(missing.data.error?.code).toBe('not_found');
  });

  it('imports plain text, Markdown and sanitised HTML', async () => {
    const user = await createTestUser();
    const md = await callRoute(articlesRoute.POST, '/api/articles', {
      method: 'POST',
      token: user.token,
      json: { format: 'markdown', content: '# Ceasefire holds\n\nOfficials said the truce **held** overnight.', outlet: 'Wire', publishedAt: '2026-11-01' },
    });
    expect(md.status).toBe(201);
    expect(md.data.article).toMatchObject({ title: 'Ceasefire holds', outlet: 'Wire', publishedAt: '2026-11-01T00:00:00.000Z', currentVersion: { number: 1 } });

    const html = await callRoute<CreatedArticleBody>(articlesRoute.POST, '/api/articles', {
      method: 'POST',
      token: user.token,
      json: { format: 'html', content: '<h1>Title</h1><p onclick="steal()">Body <script>alert(1)</script><img src=x onerror=alert(1)></p>' },
    });
    expect(html.status).toBe(201);
    const id = html.data.article.id;
    const stored = await callRoute(articleRoute.GET, `/api/articles/${id}`, { token: user.token, params: { id } });
    const serialised = JSON.stringify(stored.data.version);
    expect(serialised).not.toMatch(/script|onerror|onclick|alert/);
  });

  it('rejects bad input with a clear 400', async () => {
    const user = await createTestUser();
    const post = (json: unknown) => callRoute(articlesRoute.POST, '/api/articles', { method: 'POST', token: user.token, json });
    const wrongFormat = await post({ format: 'docx', content: 'x' });
    expect(wrongFormat.status).toBe(400);
    expect(wrongFormat.data.error?.message).toMatch(/format must be one of: text, markdown, html, pdf/);
    const unknownField = await post({ format: 'text', content: 'Headline\nBody.', secret: 1 });
    expect(unknownField.status).toBe(400);
    const empty = await post({ format: 'text', content: '   \n  ' });
    expect(empty.status).toBe(400);
    expect(empty.data.error?.message).toMatch(/empty/);
    const badJson = await callRoute(articlesRoute.POST, '/api/articles', { method: 'POST', token: user.token, body: '{not json', headers: { 'content-type': 'application/json' } });
    expect(badJson.status).toBe(400);
    expect(badJson.data.error?.message).toMatch(/not valid JSON/);
    const badUrl = await post({ format: 'text', content: 'Headline\nBody.', url: 'javascript:alert(1)' });
    expect(badUrl.status).toBe(400);
  });

  it('adds a version and refuses an identical one', async () => {
    const user = await createTestUser();
    const { article, version } = await demoArticle();
    const edited = version.text.replace('more than 20 regional', 'over 20 regional');
    const added = await callRoute(versionsRoute.POST, `/api/articles/${article.id}/versions`, {
      method: 'POST',
      token: user.token,
      params: { id: article.id },
      json: { format: 'text', content: edited },
    });
    expect(added.status).toBe(201);
    expect(added.data).toMatchObject({ version: { number: 2 }, reanchored: 0, orphaned: 0 });
    const same = await callRoute(versionsRoute.POST, `/api/articles/${article.id}/versions`, {
      method: 'POST',
      token: user.token,
      params: { id: article.id },
      json: { format: 'text', content: edited },
    });
    expect(same.status).toBe(409);
  });
});
