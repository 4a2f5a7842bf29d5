// Real documents through the import form: a generated two-page PDF (page shown in the reader and
// on the annotation), a saved web page whose metadata prefills the form, and each refusal shown
// next to the file field.
import { expect, test, type Page } from '@playwright/test';
import { makePdf, makeScannedPdf, prose } from '@/tests/support/make-pdf';
import { newsPage } from '@/tests/support/saved-pages';
import { DEMO, signIn, waitForReader } from './helpers';

const PAGE_2_SENTENCE = 'Convoys were stopped at the river crossing twice this week.';

async function reportPdf(): Promise<Buffer> {
  const bytes = await makePdf({
    title: 'Situation report 15',
    author: 'Relief coordination office',
    runningHeader: 'Situation report 15 — confidential draft',
    pageNumbers: true,
    pages: [
      { blocks: [{ kind: 'heading', text: 'Situation report 15', size: 20 }, { kind: 'paragraph', text: prose(0, 8) }, { kind: 'paragraph', text: prose(8, 8) }] },
      { blocks: [{ kind: 'heading', text: 'Access constraints', size: 14 }, { kind: 'paragraph', text: `${PAGE_2_SENTENCE} ${prose(40, 4)}` }] },
    ],
  });
  return Buffer.from(bytes);
}

async function openImportForm(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Import article' }).click();
  return page.getByRole('form', { name: 'Import article' });
}

/** Selects `text` inside the reader with the real mouse, from its first to its last character. */
async function dragSelect(page: Page, text: string) {
  await waitForReader(page);
  const box = await page.evaluate((text) => {
    const root = document.querySelector('[data-testid="article-reader"] .ProseMirror')!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      const at = n.data.indexOf(text);
      if (at < 0) continue;
      n.parentElement!.scrollIntoView({ block: 'center' });
      const rect = (from: number) => {
        const r = document.createRange();
        r.setStart(n, from);
        r.setEnd(n, from + 1);
        return r.getBoundingClientRect();
      };
      const a = rect(at);
      const b = rect(at + text.length - 1);
      return { x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2 };
    }
    throw new Error(`not in the reader: ${text}`);
  }, text);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move(box.x2, box.y2, { steps: 6 });
  await page.mouse.up();
}

test.describe('document import', () => {
  test.describe.configure({ timeout: 120_000 });

  test('a PDF upload prefills the form, shows its pages in the reader, and a passage on page 2 is annotated as p. 2', async ({ page }) => {
    await signIn(page, DEMO.amira);
    const form = await openImportForm(page);
    await form.getByLabel(/Upload a file/).setInputFiles({ name: 'sitrep-15.pdf', mimeType: 'application/pdf', buffer: await reportPdf() });
    await expect(form.getByTestId('file-status')).toHaveText(/^PDF, 2 pages · [\d,]+ characters in \d+ blocks\.$/);
    await expect(form.getByLabel('Title (default: the headline)')).toHaveValue('Situation report 15');
    await expect(form.getByLabel('Byline')).toHaveValue('Relief coordination office');
    await expect(form.getByLabel('Format')).toHaveValue('');
    await form.getByLabel('Outlet').fill('Relief desk');
    await form.getByRole('button', { name: 'Import', exact: true }).click();

    const reader = page.getByTestId('article-reader');
    await expect(reader.getByRole('heading', { level: 1 })).toHaveText('Situation report 15');
    await expect(reader.getByRole('heading', { level: 2 })).toHaveText('Access constraints');
    await expect(reader).not.toContainText('confidential draft');
    // The page boundary is marked where page 2's text begins.
    const marker = reader.locator('.cd-page-marker');
    await expect(marker).toHaveText(['p. 2']);

    await dragSelect(page, PAGE_2_SENTENCE);
    const popover = page.getByRole('dialog', { name: 'Annotate selection' });
    await expect(popover).toContainText(PAGE_2_SENTENCE);
    await page.keyboard.press('1');
    await page.keyboard.press('Enter');
    await expect(popover).toBeHidden();
    const item = page.getByTestId('annotation-item').filter({ hasText: 'Convoys were stopped' });
    await expect(item).toHaveCount(1);
    await expect(item.getByTestId('annotation-page')).toHaveText('p. 2');
    await expect(item).toHaveAttribute('data-annotation-id', /^(?!temp-).+/);

    // Stored exactly on the canonical text, the selection not polluted by the page marker.
    const articleId = page.url().split('/articles/')[1]!.split(/[?#]/)[0]!;
    const saved = await page.evaluate(async (id) => (await (await fetch(`/api/articles/${id}/annotations`)).json()).annotations, articleId);
    expect(saved).toHaveLength(1);
    expect(saved[0].target.exact).toBe(PAGE_2_SENTENCE);
  });

  test('a saved web page imports its article and metadata; refusals are shown next to the file field', async ({ page }) => {
    await signIn(page, DEMO.ben);
    const form = await openImportForm(page);
    const file = form.getByLabel(/Upload a file/);

    await file.setInputFiles({ name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) });
    await expect(form.getByTestId('file-error')).toHaveText('The file is empty.');
    await expect(form.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();

    await file.setInputFiles({ name: 'photo.pdf', mimeType: 'application/pdf', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]) });
    await expect(form.getByTestId('file-error')).toContainText('This file is a PNG image');
    await expect(form.getByTestId('file-error')).toContainText('Claimdesk imports plain text (.txt), Markdown (.md), HTML');

    await file.setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await makeScannedPdf()) });
    await expect(form.getByTestId('file-error')).toHaveText('This PDF has no text layer (scanned image); OCR is not supported.');

    await file.setInputFiles({ name: 'huge.txt', mimeType: 'text/plain', buffer: Buffer.alloc(21 * 1024 * 1024, 0x61) });
    await expect(form.getByTestId('file-error')).toHaveText(/^The file is too large \(21(\.0)? MB; the limit is 20 MB\)\.$/);

    await file.setInputFiles({ name: 'northern-crossing.html', mimeType: 'text/html', buffer: Buffer.from(newsPage()) });
    await expect(form.getByTestId('file-status')).toContainText('Web page: the article was extracted');
    await expect(form.getByLabel('Title (default: the headline)')).toHaveValue('Northern crossing reopens after 11-day closure');
    await expect(form.getByLabel('Outlet')).toHaveValue('The Meridian Ledger');
    await expect(form.getByLabel('Byline')).toHaveValue('Amina Qureshi, Tomas Lindqvist');
    await expect(form.getByLabel('Published')).toHaveValue('2026-11-17');
    await expect(form.getByLabel('Original URL')).toHaveValue('https://meridian-ledger.example/world/2026/11/northern-crossing-reopens');
    // Prefilled fields stay editable: a cleared field stays empty.
    await form.getByLabel('Byline').fill('');
    await form.getByRole('button', { name: 'Import', exact: true }).click();

    const reader = page.getByTestId('article-reader');
    await expect(reader.getByRole('heading', { level: 1 })).toHaveText('Northern crossing reopens after 11-day closure');
    await expect(reader.locator('ul li')).toHaveCount(3);
    await expect(reader.locator('blockquote')).toHaveCount(1);
    for (const chrome of ['We use cookies', 'Share on Facebook', 'Related stories', 'Comments (12)', 'All rights reserved']) await expect(reader).not.toContainText(chrome);
    const articleId = page.url().split('/articles/')[1]!.split(/[?#]/)[0]!;
    const stored = await page.evaluate(async (id) => (await (await fetch(`/api/articles/${id}`)).json()).article, articleId);
    expect(stored).toMatchObject({ outlet: 'The Meridian Ledger', byline: null, publishedAt: '2026-11-17T00:00:00.000Z' });
  });
});
