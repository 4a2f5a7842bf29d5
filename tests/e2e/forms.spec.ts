// Issue 19 item 5, "Nothing typed is lost": character counters that stop at the API's limits, a
// refused save that keeps the popover (text, selection, the server's reason), drafts that survive a
// reload, and admin forms that keep their values when the server says no.
import { expect, test, type Page } from '@playwright/test';
import { viaApi, SENTENCES } from '../support/fixtures';
import { DEMO, selectQuote, signIn } from './helpers';

const SAME_ORIGIN = { Origin: `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}` };
const popoverOf = (page: Page) => page.getByRole('dialog', { name: 'Annotate selection' });

async function openArticle(page: Page, articleId: string) {
  await page.goto(`/articles/${articleId}`);
  await expect(page.getByTestId('article-reader').locator('.ProseMirror')).toBeVisible();
}

test.describe.configure({ timeout: 120_000 });

test('a 20,000-character note stays in the popover, counted and refused with the limit; shortened, it saves', async ({ page }) => {
  await signIn(page, DEMO.amira);
  const article = await viaApi(page.request).createArticle('Forms long note');
  await openArticle(page, article.id);
  await selectQuote(page, SENTENCES.ttp600);
  const popover = popoverOf(page);
  await expect(popover).toBeVisible();
  await page.keyboard.press('1');
  const note = popover.getByLabel('Note');
  await expect(note).toBeFocused();
  await expect(popover.getByTestId('char-count')).toHaveText('0 / 5,000');

  const long = 'x'.repeat(20_000);
  await note.fill(long);
  await expect(note).toHaveValue(long);
  await expect(popover.getByTestId('char-count')).toHaveText('20,000 / 5,000 characters: 15,000 too many');
  await expect(popover.getByTestId('field-error')).toHaveText('note must be at most 5,000 characters');
  await expect(note).toHaveAttribute('aria-invalid', 'true');
  await expect(popover.getByRole('button', { name: 'Save' })).toBeDisabled();
  await page.keyboard.press('Enter'); // refused in the form: nothing sent, nothing closed
  await expect(popover).toBeVisible();
  await expect(note).toHaveValue(long);

  // Typing stops at the limit: at 5,000 a further character is not taken.
  await note.fill('y'.repeat(5_000));
  await note.press('End');
  await page.keyboard.type('z');
  await expect(note).toHaveValue('y'.repeat(5_000));
  await expect(popover.getByTestId('char-count')).toHaveText('5,000 / 5,000');
  await popover.getByRole('button', { name: 'Save' }).click();
  await expect(popover).toBeHidden();
  const saved = await (await page.request.get(`/api/articles/${article.id}/annotations`)).json();
  expect(saved.annotations).toHaveLength(1);
  expect(saved.annotations[0].note).toHaveLength(5_000);
});

test('a save the server refuses keeps the popover open with the text, the selection and the server’s message', async ({ page, browser }) => {
  await signIn(page, DEMO.amira);
  const article = await viaApi(page.request).createArticle('Forms refused save');
  // An admin adds a tag and archives it while the analyst's popover offers it: the save is a real 400.
  const admin = await browser.newPage({ baseURL: test.info().project.use.baseURL });
  await signIn(admin, DEMO.admin);
  const key = `e2e${Date.now().toString(36)}`;
  const created = await admin.request.post('/api/tags', { headers: SAME_ORIGIN, data: { key, label: 'Short-lived', color: '#5b3f8c' } });
  expect(created.status(), await created.text()).toBe(201);

  await openArticle(page, article.id);
  await selectQuote(page, SENTENCES.shelter);
  const popover = popoverOf(page);
  await popover.getByRole('button', { name: 'Short-lived' }).click();
  await popover.getByLabel('Note').fill('Cross-check with the 35th report.');
  const archived = await admin.request.patch(`/api/tags/${key}`, { headers: SAME_ORIGIN, data: { archived: true } });
  expect(archived.status(), await archived.text()).toBe(200);
  await admin.close();

  await popover.getByRole('button', { name: 'Save' }).click();
  await expect(popover.getByRole('alert').filter({ hasText: /archived/i })).toBeVisible();
  await expect(popover).toBeVisible();
  await expect(popover.getByLabel('Note')).toHaveValue('Cross-check with the 35th report.');
  await expect(popover).toContainText('the Taliban continue to shelter TTP leaders');
  await expect(page.getByTestId('annotation-item')).toHaveCount(0);

  // Another tag, the same note and selection: stored.
  await popover.getByRole('button', { name: 'UN report' }).click();
  await popover.getByRole('button', { name: 'Save' }).click();
  await expect(popover).toBeHidden();
  await expect(page.getByTestId('annotation-item').getByTestId('annotation-note')).toHaveText('Cross-check with the 35th report.');
});

test('the draft of an open popover survives a reload and is gone once saved', async ({ page }) => {
  await signIn(page, DEMO.amira);
  const article = await viaApi(page.request).createArticle('Forms draft');
  await openArticle(page, article.id);
  await selectQuote(page, SENTENCES.meeting);
  let popover = popoverOf(page);
  await page.keyboard.press('2');
  await popover.getByLabel('Note').fill('Which groups? Ask the desk in Kabul.');
  await popover.getByLabel('Source detail').fill('Dawn, 3 Dec');

  await page.reload();
  popover = popoverOf(page);
  await expect(popover).toBeVisible();
  await expect(popover).toContainText('representatives of several militant groups');
  await expect(popover.getByLabel('Note')).toHaveValue('Which groups? Ask the desk in Kabul.');
  await expect(popover.getByLabel('Source detail')).toHaveValue('Dawn, 3 Dec');
  await expect(popover.locator('.cd-popover-tags [aria-pressed="true"]')).toHaveCount(1);
  // The words are selected again, so the analyst sees what the draft is about.
  expect(await page.evaluate(() => window.getSelection()?.toString())).toContain('representatives of several militant groups');

  await popover.getByRole('button', { name: 'Save' }).click();
  await expect(popover).toBeHidden();
  await expect(page.getByTestId('annotation-item')).toHaveCount(1);
  await page.reload();
  await expect(page.getByTestId('annotation-item')).toHaveCount(1);
  await expect(popoverOf(page)).toHaveCount(0);
});

test('a reply being written survives a reload; sent, the field empties', async ({ page }) => {
  await signIn(page, DEMO.amira);
  const api = viaApi(page.request);
  const article = await api.createArticle('Forms reply draft');
  const annotation = await api.annotate(article.id, SENTENCES.credits, { tag: 'un' });
  await page.goto(`/articles/${article.id}?annotation=${annotation.id}`);
  const reply = page.getByRole('textbox', { name: 'Reply', exact: true });
  await reply.fill('Source: annex II, paragraph 14.');
  await expect(page.getByRole('form', { name: 'Reply' }).getByTestId('char-count')).toHaveText('31 / 5,000');
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Reply', exact: true })).toHaveValue('Source: annex II, paragraph 14.');
  await page.getByRole('form', { name: 'Reply' }).getByRole('button', { name: 'Reply' }).click();
  await expect(page.getByTestId('reply-body')).toHaveText('Source: annex II, paragraph 14.');
  await expect(page.getByRole('textbox', { name: 'Reply', exact: true })).toHaveValue('');
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Reply', exact: true })).toHaveValue('');
});

test('a failed create-user keeps every value and says why', async ({ page }) => {
  await signIn(page, DEMO.admin);
  await page.getByRole('link', { name: 'Users' }).click();
  const form = page.getByRole('form', { name: 'Create user' });
  await form.getByLabel('Email').fill(DEMO.amira.email); // taken
  await form.getByLabel('Name').fill('Amira Again');
  await form.getByLabel('Role').selectOption({ label: 'Reviewer' });
  await form.getByLabel('Initial password').fill('another-password-1');
  await form.getByRole('button', { name: 'Create user' }).click();
  await expect(page.locator('.form-error')).toBeVisible();
  await expect(form.getByLabel('Email')).toHaveValue(DEMO.amira.email);
  await expect(form.getByLabel('Name')).toHaveValue('Amira Again');
  await expect(form.getByLabel('Role').locator('option:checked')).toHaveText('Reviewer');
  await expect(form.getByLabel('Initial password')).toHaveValue('another-password-1');

  const email = `forms.${Date.now()}@claimdesk.test`;
  await form.getByLabel('Email').fill(email);
  await form.getByRole('button', { name: 'Create user' }).click();
  await expect(page.getByTestId('user-row').filter({ hasText: email })).toBeVisible();
  await expect(form.getByLabel('Email')).toHaveValue('');
});
