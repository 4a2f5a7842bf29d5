// The article library: import by uploading a file (format sniffed from its content, HTML sanitised) or by
// pasting Markdown; the list shows each article with its annotation counts per tag.
import { expect, test } from '@playwright/test';
import { DEMO, signIn } from './helpers';

const HOSTILE_HTML = `<!doctype html><html><head><title>Harbour Story</title><script>window.__pwned = 1</script></head>
<body><h1>Harbour Blockade Tightens</h1>
<p>Officials said <b>fuel imports</b> fell by half <img src="x" onerror="window.__pwned = 2">since March.</p>
<h2>What comes next</h2>
<p>Read <a href="javascript:window.__pwned=3">the report</a> before the talks.</p></body></html>`;

test('uploading an HTML file imports a sanitised article; pasted Markdown works too', async ({ page }) => {
  await signIn(page, DEMO.ben);
  await page.getByRole('button', { name: 'Import article' }).click();
  const form = page.getByRole('form', { name: 'Import article' });
  await form.getByLabel(/Upload a file/).setInputFiles({ name: 'harbour.html', mimeType: 'text/html', buffer: Buffer.from(HOSTILE_HTML) });
  // A whole page (it has <html>/<body>): read as a web page, its headline prefilled.
  await expect(form.getByTestId('file-status')).toContainText('Web page: the article was extracted');
  await expect(form.getByLabel('Title (default: the headline)')).toHaveValue('Harbour Blockade Tightens');
  await form.getByLabel('Outlet').fill('Coast Courier');
  await form.getByRole('button', { name: 'Import', exact: true }).click();

  const reader = page.getByTestId('article-reader');
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText('Harbour Blockade Tightens');
  await expect(reader.getByRole('heading', { level: 2 })).toHaveText('What comes next');
  await expect(reader).toContainText('Officials said fuel imports fell by half since March.');
  await expect(reader.locator('b, strong')).toHaveText('fuel imports');
  // No scripts, no event handlers, no javascript: links survive; nothing ran.
  await expect(reader.locator('script, img, [onerror]')).toHaveCount(0);
  await expect(reader.getByText('the report')).not.toHaveAttribute('href', /javascript:/);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

  await page.goto('/');
  await page.getByRole('button', { name: 'Import article' }).click();
  await page.getByRole('form', { name: 'Import article' }).getByLabel('Format').selectOption('markdown');
  await page.getByLabel('…or paste the article (first line: headline)').fill('# Markdown Desk Check\n\nThe ministry **said** the port reopens on Monday.\n');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText('Markdown Desk Check');
  await expect(reader.locator('strong, b')).toHaveText('said');

  // Both are in the library, with their outlet and (zero) per-tag counts.
  await page.goto('/');
  const card = page.locator('.article-card').filter({ hasText: 'Harbour Blockade Tightens' });
  await expect(card).toContainText('Coast Courier');
  await expect(card.locator('.tag-chip')).toHaveCount(3);
  await expect(page.locator('.article-card').filter({ hasText: 'Markdown Desk Check' })).toHaveCount(1);
});
