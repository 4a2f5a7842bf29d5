// Issue 17: a double-blind check end to end. A reviewer assigns a copy of the demo article blind to
// the two demo analysts; each annotates without seeing the other; both submit; the reviewer curates;
// the brief shows the curated layer; the agreement page shows κ and α. (A copy, not the seeded
// article itself: blind mode there would hide annotations from the other specs sharing the database.)
import { expect, test, type Browser, type Page, type TestInfo } from '@playwright/test';
import { DEMO_ARTICLE_TEXT, SENTENCES, viaApi } from '@/tests/support/fixtures';
import { DEMO, signIn } from './helpers';

async function as(browser: Browser, testInfo: TestInfo, who: (typeof DEMO)[keyof typeof DEMO]): Promise<Page> {
  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  const page = await context.newPage();
  await signIn(page, who);
  return page;
}

test('blind double annotation: assign, annotate apart, submit, curate, brief, agreement', async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const rhea = await as(browser, testInfo, DEMO.rhea);
  const { id, title } = await viaApi(rhea.request).createArticle('Blind check', { content: DEMO_ARTICLE_TEXT });

  // The reviewer assigns from the article: both analysts, a due date, blind on.
  await rhea.goto(`/articles/${id}`);
  await rhea.getByTestId('open-assign').click();
  await rhea.getByLabel(DEMO.amira.name).check();
  await rhea.getByLabel(DEMO.ben.name).check();
  await rhea.getByLabel('Due date').fill('2026-12-24');
  await rhea.getByTestId('blind-toggle').check();
  await rhea.getByRole('button', { name: 'Save assignment' }).click();
  await expect(rhea.getByTestId('blind-badge')).toBeVisible();
  await expect(rhea.getByTestId('assignment-bar')).toContainText('0/2 submitted');

  const amira = await as(browser, testInfo, DEMO.amira);
  const ben = await as(browser, testInfo, DEMO.ben);
  // The library says it is theirs, not started.
  await amira.goto('/');
  await expect(amira.getByTestId('assigned-to-me')).toContainText(title);
  await expect(amira.getByTestId('assigned-to-me').getByTestId('assignment-state').first()).toContainText(/Not started|In progress/);

  const a = viaApi(amira.request);
  const b = viaApi(ben.request);
  await a.annotate(id, SENTENCES.shelter, { tag: 'un', note: 'amira-agreed' });
  await b.annotate(id, SENTENCES.shelter, { tag: 'un', note: 'ben-agreed' });
  await a.annotate(id, SENTENCES.twenty, { tag: 'un', note: 'amira-disputed' });
  await b.annotate(id, SENTENCES.twenty, { tag: 'intelligence', note: 'ben-disputed' });
  // The same claim marked with different spans (overlapping on "carried out over 600 attacks").
  await a.annotate(id, 'the TTP continues to operate from Afghan soil and carried out over 600 attacks', { tag: 'un', note: 'amira-span' });
  await b.annotate(id, 'carried out over 600 attacks in Pakistan in 2025 alone', { tag: 'un', note: 'ben-span' });

  // Each sees only their own work, in the reader and through the API.
  await amira.goto(`/articles/${id}`);
  await expect(amira.getByTestId('blind-badge')).toBeVisible();
  await expect(amira.getByText('amira-disputed').first()).toBeVisible();
  await expect(amira.getByText('ben-disputed')).toHaveCount(0);
  const listed = (await (await amira.request.get(`/api/articles/${id}/annotations`)).json()) as { annotations: Array<{ note: string }> };
  expect(listed.annotations.map((x) => x.note).sort()).toEqual(['amira-agreed', 'amira-disputed', 'amira-span']);

  // Both submit with the button; then Amira reads Ben's submitted work too.
  await amira.getByTestId('submit-annotation').click();
  await expect(amira.getByTestId('assignment-bar')).toContainText('You submitted');
  await ben.goto(`/articles/${id}`);
  await ben.getByTestId('submit-annotation').click();
  await expect(ben.getByTestId('assignment-bar')).toContainText('2/2 submitted');
  await amira.reload();
  await expect(amira.getByText('ben-disputed').first()).toBeVisible();

  // The reviewer curates: the agreed unit in bulk, Amira's version of the disputed one.
  await rhea.goto(`/articles/${id}/curation`);
  await rhea.getByTestId('accept-agreed').click();
  await expect(rhea.locator('[data-agreement="all"]').getByTestId('curation-decision')).toBeVisible();
  const disputed = rhea.locator('[data-agreement="span"]');
  await disputed.getByRole('listitem').filter({ hasText: DEMO.amira.name }).getByTestId('curation-pick').click();
  await expect(disputed.getByTestId('curation-decision')).toContainText('curated: UN report');
  // Different spans: the curator keeps the tag and takes both analysts' words (the union).
  const spans = rhea.locator('[data-agreement="tag"]');
  await spans.getByTestId('curation-span').selectOption({ index: 2 });
  await expect(spans.getByTestId('curation-span').locator('option:checked')).toContainText('All of them (union)');
  await spans.getByTestId('curation-edit').click();
  await expect(spans.getByTestId('curation-decision')).toContainText('curated: UN report');

  // The brief is the curated layer: the chosen versions, not Ben's rejected one.
  await rhea.goto(`/articles/${id}/brief`);
  await expect(rhea.getByText('amira-disputed').first()).toBeVisible();
  await expect(rhea.getByText('ben-disputed')).toHaveCount(0);
  await expect(rhea.getByText('ben-agreed')).toHaveCount(0);
  await expect(rhea.getByText('the TTP continues to operate from Afghan soil and carried out over 600 attacks in Pakistan in 2025 alone', { exact: true }).first()).toBeVisible();

  // From the reader's Export menu the reviewer can ask for every analyst's work instead.
  await rhea.goto(`/articles/${id}`);
  await rhea.getByRole('button', { name: /Export/ }).click();
  const menu = rhea.getByTestId('export-menu');
  await menu.getByLabel('Every analyst’s annotations').check();
  await expect(menu.getByRole('link', { name: 'Preview' })).toHaveAttribute('href', /layer=all/);
  await rhea.goto((await menu.getByRole('link', { name: 'Preview' }).getAttribute('href'))!);
  await expect(rhea.getByText('ben-disputed').first()).toBeVisible();

  // Agreement on the submitted blind work: κ and α, analysts named, the disagreement linked.
  await rhea.goto(`/articles/${id}/agreement`);
  await expect(rhea.getByTestId('agreement-blind')).toContainText('submitted blind work');
  await expect(rhea.getByTestId('cohen-kappa')).toHaveText(/^-?\d\.\d\d$/);
  await expect(rhea.getByTestId('alpha-nominal')).toHaveText(/^-?\d\.\d\d$/);
  await expect(rhea.getByTestId('alpha-unitizing')).toHaveText(/^-?\d\.\d\d$/);
  await expect(rhea.getByTestId('pair-confusion').first()).toContainText(DEMO.amira.name);
  await expect(rhea.getByTestId('pair-confusion').first()).toContainText(DEMO.ben.name);
  const disagreement = rhea.getByTestId('disagreement').first();
  await expect(disagreement).toContainText('ben-disputed');
  await disagreement.getByRole('link', { name: 'open in the reader' }).first().click();
  await expect(rhea).toHaveURL(new RegExp(`/articles/${id}\\?annotation=`));

  // The desk's agreement over time lists the completed check, pooled in this month, with its analysts.
  await rhea.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Agreement' }).click();
  await expect(rhea).toHaveURL(/\/agreement$/);
  const point = rhea.getByTestId('agreement-point').filter({ hasText: title });
  await expect(point).toContainText(`${DEMO.amira.name}, ${DEMO.ben.name}`);
  await expect(point).not.toContainText('not pooled');
  const month = new Date().toISOString().slice(0, 7);
  await expect(rhea.getByTestId('agreement-period').filter({ hasText: month }).getByTestId('period-alpha')).toHaveText(/-?\d\.\d\d/);
  await expect(rhea.getByTestId('agreement-analysts')).toContainText(DEMO.amira.name);
  // By week, and a period before the check leaves it out.
  await rhea.getByRole('combobox', { name: /^Per/ }).selectOption('week');
  await rhea.getByLabel('Completed from').fill('2000-01-01');
  await rhea.getByLabel('to', { exact: true }).fill('2000-01-31');
  await rhea.getByRole('button', { name: 'Show' }).click();
  await expect(rhea).toHaveURL(/period=week/);
  await expect(rhea.getByTestId('agreement-point')).toHaveCount(0);
  await expect(rhea.getByTestId('desk-agreement-reason')).toContainText('No double annotation is complete yet');
  await rhea.goto('/agreement');
  await point.getByRole('link', { name: title }).click();
  await expect(rhea).toHaveURL(new RegExp(`/articles/${id}/agreement$`));
  await expect(rhea.getByRole('link', { name: /agreement over time/ })).toHaveAttribute('href', '/agreement');

  // Analysts compare no one's blind work: no link, and the page says why.
  await expect(amira.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Agreement' })).toHaveCount(0);
  await amira.goto('/agreement');
  await expect(amira.getByTestId('desk-agreement-refused')).toContainText('Only reviewers and admins');
});
