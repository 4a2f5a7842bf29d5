// Issue 19 item 3: an axe audit (WCAG 2.0/2.1 A and AA rules) of every page a desk uses, with the
// reader holding annotations and an open annotate popover. Serious and critical findings fail.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { DEMO, openDemoArticle, selectQuote, signIn } from './helpers';

const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function expectNoSeriousViolations(page: Page, where: string) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_AA).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1, 2).join('')}`).join('\n')}`);
  expect.soft(report, `${where}: axe found serious or critical violations`).toEqual([]);
}

async function demoArticleId(page: Page): Promise<string> {
  await openDemoArticle(page);
  const id = /\/articles\/([^/?#]+)/.exec(page.url())?.[1];
  expect(id).toBeTruthy();
  return id!;
}

test('sign-in page', async ({ page }) => {
  await page.goto('/signin');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expectNoSeriousViolations(page, 'sign-in');
});

test('library, reader with annotations and an open popover, versions, agreement, curation, brief (analyst)', async ({ page }) => {
  test.setTimeout(240_000); // a dozen pages, each a full axe run
  await signIn(page, DEMO.amira);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  await expectNoSeriousViolations(page, 'library');

  const id = await demoArticleId(page);
  await expect(page.getByTestId('annotation-item').first()).toBeVisible();
  await expectNoSeriousViolations(page, 'reader');

  await page.getByTestId('annotation-item').first().click();
  await expect(page.getByTestId('review-panel').first()).toBeVisible();
  await expectNoSeriousViolations(page, 'reader with a review panel open');

  await selectQuote(page, 'Kabul is described as a coordination hub');
  await expect(page.getByRole('dialog', { name: 'Annotate selection' })).toBeVisible();
  await expectNoSeriousViolations(page, 'reader with the annotate popover');
  await page.keyboard.press('Escape');

  for (const sub of ['versions', 'agreement', 'curation']) {
    await page.goto(`/articles/${id}/${sub}`);
    await expect(page.locator('main')).toBeVisible();
    await expectNoSeriousViolations(page, sub);
  }
  await page.goto(`/articles/${id}/brief`);
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  await expectNoSeriousViolations(page, 'brief');

  for (const path of ['/settings', '/notifications', '/?kind=source', '/review?provenance=unlinked']) {
    await page.goto(path);
    await expect(page.locator('main')).toBeVisible();
    await expectNoSeriousViolations(page, path);
  }
});

test('on a phone: library, sources, reader with the annotate popover, the menu open', async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL, viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await signIn(page, DEMO.amira);
  await page.goto('/');
  await expectNoSeriousViolations(page, 'library on a phone');
  await page.getByRole('navigation', { name: 'Library: articles or sources' }).getByRole('link', { name: 'Sources' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sources');
  await expectNoSeriousViolations(page, 'sources on a phone');
  await page.getByRole('button', { name: 'Menu' }).click();
  await expectNoSeriousViolations(page, 'menu open on a phone');
  await page.keyboard.press('Escape');
  await demoArticleId(page);
  await selectQuote(page, 'Kabul is described as a coordination hub');
  await expect(page.getByRole('dialog', { name: 'Annotate selection' })).toBeVisible();
  await expectNoSeriousViolations(page, 'reader with the popover on a phone');
  await context.close();
});

test('review queue (reviewer)', async ({ page }) => {
  await signIn(page, DEMO.rhea);
  await page.goto('/review');
  await expect(page.locator('main')).toBeVisible();
  await expectNoSeriousViolations(page, 'review queue');
});

test('admin pages', async ({ page }) => {
  await signIn(page, DEMO.admin);
  for (const path of ['/admin/users', '/admin/desk', '/agreement']) {
    await page.goto(path);
    await expect(page.locator('main')).toBeVisible();
    await expectNoSeriousViolations(page, path);
  }
});
