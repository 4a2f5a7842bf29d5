// Issue 19 item 7: toasts from sonner in a polite live region that hold still while focused (a
// keyboard user on Undo never loses it).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { DEMO, signIn } from './helpers';

const FIXTURE = readFileSync(join(process.cwd(), 'prisma/fixtures/un-militant-nexus-article.txt'), 'utf8');
const SAME_ORIGIN = { Origin: `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}` };
const QUOTE = 'The UN credits Pakistan with weakening IS-K’s propaganda network';

async function articleWithAnnotation(request: APIRequestContext): Promise<{ articleId: string; annotationId: string }> {
  const title = `UI primitives check ${Date.now().toString(36)}`;
  const created = await request.post('/api/articles', { headers: SAME_ORIGIN, data: { format: 'text', content: [title, ...FIXTURE.split('\n').slice(1)].join('\n'), title } });
  expect(created.status(), await created.text()).toBe(201);
  const articleId = ((await created.json()) as { article: { id: string } }).article.id;
  const text = ((await (await request.get(`/api/articles/${articleId}`)).json()) as { version: { text: string } }).version.text;
  const start = text.indexOf(QUOTE);
  const res = await request.post(`/api/articles/${articleId}/annotations`, { headers: SAME_ORIGIN, data: { start, end: start + QUOTE.length, exact: QUOTE, tag: 'un' } });
  expect(res.status(), await res.text()).toBe(201);
  return { articleId, annotationId: ((await res.json()) as { annotation: { id: string } }).annotation.id };
}

async function openArticle(page: Page, articleId: string) {
  await page.goto(`/articles/${articleId}`);
  await expect(page.getByTestId('article-reader').locator('.ProseMirror')).toBeVisible();
}

test('the Undo toast is announced politely and stays while it has focus; it goes once focus leaves', async ({ page }) => {
  await page.clock.install();
  await signIn(page, DEMO.amira);
  const { articleId, annotationId } = await articleWithAnnotation(page.request);
  await openArticle(page, articleId);
  const item = page.locator(`[data-testid="annotation-item"][data-annotation-id="${annotationId}"]`);
  await item.getByRole('button', { name: 'Delete', exact: true }).click();
  const toast = page.getByTestId('toast').filter({ hasText: 'Annotation deleted.' });
  await expect(toast).toBeVisible();
  await expect(page.locator('[aria-live="polite"]').getByTestId('toast')).toHaveCount(1);

  const undo = toast.getByRole('button', { name: 'Undo' });
  await undo.focus();
  await page.clock.runFor(20_000); // twice its 10 s
  await expect(toast).toBeVisible();
  await expect(undo).toBeFocused();

  await page.getByTestId('article-reader').locator('.ProseMirror').click({ position: { x: 5, y: 5 } });
  await page.clock.runFor(12_000);
  await expect(toast).toHaveCount(0);
});

// Issue 19 item 7, second half: confirmations are native modal <dialog>s (focus inside, Escape
// cancels only the dialog, focus returns to the button), not window.confirm / window.prompt.
test('deleting a reply asks in a modal dialog: Escape cancels and returns focus, Delete reply deletes', async ({ page }) => {
  let nativeDialogs = 0;
  page.on('dialog', (dialog) => {
    nativeDialogs += 1;
    void dialog.dismiss();
  });
  await signIn(page, DEMO.amira);
  const { articleId, annotationId } = await articleWithAnnotation(page.request);
  const reply = await page.request.post(`/api/annotations/${annotationId}/replies`, { headers: SAME_ORIGIN, data: { body: 'A reply to take back.' } });
  expect(reply.status(), await reply.text()).toBe(201);
  await openArticle(page, articleId);
  const item = page.locator(`[data-testid="annotation-item"][data-annotation-id="${annotationId}"]`);
  await item.click();
  const panel = item.getByTestId('review-panel');
  await expect(panel.getByTestId('reply-body')).toHaveText(['A reply to take back.']);

  const deleteButton = panel.getByRole('button', { name: 'Delete reply' });
  await deleteButton.click();
  const dialog = page.getByRole('dialog', { name: 'Delete this reply?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(deleteButton).toBeFocused();
  // Escape closed the dialog only: the sidebar item is still open with its reply.
  await expect(panel.getByTestId('reply-body')).toHaveText(['A reply to take back.']);

  await deleteButton.click();
  await dialog.getByRole('button', { name: 'Delete reply' }).click();
  await expect(panel.getByText('Reply deleted.')).toBeVisible();
  expect(nativeDialogs).toBe(0);
});

test('an admin resets a password in a dialog, not a browser prompt', async ({ page }) => {
  let nativeDialogs = 0;
  page.on('dialog', (dialog) => {
    nativeDialogs += 1;
    void dialog.dismiss();
  });
  await signIn(page, DEMO.admin);
  const email = `reset-${Date.now().toString(36)}@claimdesk.test`;
  const created = await page.request.post('/api/admin/users', { headers: SAME_ORIGIN, data: { email, name: 'Reset Me', role: 'ANALYST', password: 'first-password-1' } });
  expect(created.status(), await created.text()).toBe(201);
  await page.goto('/admin/users');
  await page.getByTestId('user-row').filter({ hasText: email }).getByRole('button', { name: 'Reset password' }).click();
  const dialog = page.getByRole('dialog', { name: `Reset the password of ${email}` });
  await expect(dialog.getByLabel(/New password/)).toBeFocused();
  await dialog.getByLabel(/New password/).fill('second-password-2');
  await dialog.getByRole('button', { name: 'Set password' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status')).toContainText('Saved.');
  expect(nativeDialogs).toBe(0);

  const signInAs = await page.context().browser()!.newContext({ baseURL: page.url().replace(/\/admin.*$/, '') });
  const other = await signInAs.newPage();
  await signIn(other, { email, password: 'second-password-2', name: 'Reset Me' });
  await signInAs.close();
});
