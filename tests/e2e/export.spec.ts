// Export: the article header's Export menu (format + options → Download / Preview) and the printable
// brief page (app/(print)), which shows the brief without any app chrome. Each test works on its own
// copy of the demo article, so the seeded article stays untouched for other specs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { DEMO, signIn } from './helpers';

const FIXTURE = readFileSync(join(process.cwd(), 'prisma/fixtures/un-militant-nexus-article.txt'), 'utf8');
const CLAIM = 'The UN credits Pakistan with weakening IS-K’s propaganda network';
const OTHER_CLAIM = 'Intelligence sources say senior BLA figures operate from Afghan cities such as Kandahar and Kabul';
/** Cookie-authenticated writes must say they come from the app's own origin (CSRF check). */
const SAME_ORIGIN = { Origin: `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}` };

let counter = 0;

async function articleWithClaims(request: APIRequestContext): Promise<{ id: string; title: string }> {
  const title = `Export desk check ${Date.now().toString(36)}-${++counter}`;
  const content = [title, ...FIXTURE.split('\n').slice(1)].join('\n');
  const created = await request.post('/api/articles', { headers: SAME_ORIGIN, data: { format: 'text', content, title, outlet: 'Fixture Daily' } });
  expect(created.status(), await created.text()).toBe(201);
  const id = ((await created.json()) as { article: { id: string } }).article.id;
  const text = ((await (await request.get(`/api/articles/${id}`)).json()) as { version: { text: string } }).version.text;
  for (const [quote, tag, note] of [
    [CLAIM, 'un', 'Checked against the UN report'],
    [OTHER_CLAIM, 'intelligence', 'Unnamed sources only'],
  ] as const) {
    const start = text.indexOf(quote);
    expect(start).toBeGreaterThanOrEqual(0);
    const res = await request.post(`/api/articles/${id}/annotations`, { headers: SAME_ORIGIN, data: { start, end: start + quote.length, exact: quote, tag, note } });
    expect(res.status(), await res.text()).toBe(201);
  }
  return { id, title };
}

async function openExportMenu(page: Page, articleId: string) {
  await page.goto(`/articles/${articleId}`);
  await expect(page.getByTestId('article-reader').locator('.ProseMirror')).toBeVisible();
  await page.getByRole('button', { name: /^Export/ }).click();
  const menu = page.getByRole('dialog', { name: 'Export brief' });
  await expect(menu).toBeVisible();
  return menu;
}

test('the Export menu downloads a Markdown brief with the title and the claims, honouring the options', async ({ page }) => {
  await signIn(page, DEMO.amira);
  const article = await articleWithClaims(page.request);
  const menu = await openExportMenu(page, article.id);

  await menu.getByLabel('Format').selectOption('md');
  const [download] = await Promise.all([page.waitForEvent('download'), menu.getByRole('link', { name: 'Download' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^export-desk-check-.*-v1\.md$/);
  const markdown = readFileSync((await download.path())!, 'utf8');
  expect(markdown).toContain(`# ${article.title}`);
  expect(markdown).toContain(`> ${CLAIM}`);
  expect(markdown).toContain(`> ${OTHER_CLAIM}`);
  expect(markdown).toContain('Checked against the UN report');

  // Options travel in the link: no notes, only the UN tag.
  await page.getByRole('button', { name: /^Export/ }).click();
  await menu.getByLabel('Include notes').uncheck();
  await menu.getByRole('checkbox', { name: 'Intelligence' }).uncheck();
  await expect(menu.getByRole('link', { name: 'Download' })).toHaveAttribute('href', /notes=0/);
  const [filtered] = await Promise.all([page.waitForEvent('download'), menu.getByRole('link', { name: 'Download' }).click()]);
  const filteredMd = readFileSync((await filtered.path())!, 'utf8');
  expect(filteredMd).toContain(`> ${CLAIM}`);
  expect(filteredMd).not.toContain(`> ${OTHER_CLAIM}`);
  expect(filteredMd).not.toContain('Checked against the UN report');
});

test('Preview opens the printable brief: the claims, no app header, no CSP violations, toolbar hidden in print', async ({ page, context }) => {
  await signIn(page, DEMO.amira);
  const article = await articleWithClaims(page.request);
  const menu = await openExportMenu(page, article.id);
  await menu.getByLabel('By tag').check();

  const [brief] = await Promise.all([context.waitForEvent('page'), menu.getByRole('link', { name: 'Preview' }).click()]);
  const violations: string[] = [];
  brief.on('console', (msg) => {
    if (/Content Security Policy|Refused to/i.test(msg.text())) violations.push(msg.text());
  });
  await brief.waitForLoadState();
  await expect(brief).toHaveURL(new RegExp(`/articles/${article.id}/brief\\?group=tag$`));
  const body = brief.getByTestId('brief');
  await expect(body.getByRole('heading', { level: 1 })).toHaveText(article.title);
  await expect(body.locator('article.claim')).toHaveCount(2);
  await expect(body).toContainText(CLAIM);
  await expect(body).toContainText(OTHER_CLAIM);
  await expect(body.getByRole('heading', { name: /^Claims: UN report/ })).toBeVisible();
  // No app chrome: no app header, navigation or signed-in user badge.
  await expect(brief.locator('.app-header')).toHaveCount(0);
  await expect(brief.getByTestId('current-user')).toHaveCount(0);
  await expect(brief.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
  // The brief's own stylesheet applies (inline <style> is allowed by the CSP's style-src).
  await expect(body.locator('article.claim').first()).toHaveCSS('border-left-width', '5px');
  await expect(brief.getByRole('button', { name: 'Print / Save as PDF' })).toBeVisible();
  await brief.emulateMedia({ media: 'print' });
  await expect(brief.getByRole('button', { name: 'Print / Save as PDF' })).toBeHidden();
  await expect(body.locator('section.article')).toHaveCSS('break-before', 'page');
  expect(violations).toEqual([]);
});

test('the brief page needs a signed-in user and a known article', async ({ page }) => {
  await page.goto('/articles/nope/brief');
  await expect(page).toHaveURL(/\/signin/);
  await signIn(page, DEMO.ben);
  const res = await page.goto('/articles/nope/brief');
  expect(res?.status()).toBe(404);
  await expect(page.locator('.app-header')).toHaveCount(0);
});

test('every format downloads from the menu and is what its extension says', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, DEMO.amira);
  const article = await articleWithClaims(page.request);
  const menu = await openExportMenu(page, article.id);
  const checks: Record<string, (bytes: Buffer) => void> = {
    md: (b) => expect(b.toString('utf8')).toContain(`> ${CLAIM}`),
    // A DOCX is a zip whose main part is word/document.xml.
    docx: (b) => {
      expect(b.subarray(0, 2).toString('latin1')).toBe('PK');
      expect(b.includes(Buffer.from('word/document.xml'))).toBe(true);
    },
    html: (b) => {
      const html = b.toString('utf8');
      expect(html).toMatch(/^<!DOCTYPE html>/i);
      expect(html).toContain(article.title);
    },
    pdf: (b) => expect(b.subarray(0, 5).toString('latin1')).toBe('%PDF-'),
    // UTF-8 BOM first so spreadsheet apps read the accents right.
    csv: (b) => {
      expect([...b.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(b.toString('utf8')).toContain('Unnamed sources only');
    },
    jsonld: (b) => {
      const doc = JSON.parse(b.toString('utf8')) as { '@context': unknown; type: unknown; total?: number };
      expect(JSON.stringify(doc['@context'])).toContain('http://www.w3.org/ns/anno.jsonld');
      expect(doc.type).toBe('AnnotationCollection');
      expect(doc.total).toBe(2);
    },
    // Only settled (confirmed/disputed) claims become ClaimReviews; these are unreviewed, so none yet.
    claimreview: (b) => {
      const text = b.toString('utf8');
      expect(text).toContain('https://schema.org');
      expect(text).not.toContain(CLAIM);
    },
  };
  for (const [format, check] of Object.entries(checks)) {
    if (!(await menu.isVisible())) await page.getByRole('button', { name: /^Export/ }).click();
    await menu.getByLabel('Format').selectOption(format);
    const [download] = await Promise.all([page.waitForEvent('download'), menu.getByRole('link', { name: 'Download' }).click()]);
    const extension = format === 'md' ? 'md' : format === 'claimreview' ? 'jsonld' : format;
    expect(download.suggestedFilename(), format).toMatch(new RegExp(`\\.${extension}$`));
    check(readFileSync((await download.path())!));
  }
});
