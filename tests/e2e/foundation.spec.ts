import { expect, test } from '@playwright/test';
import { ARTICLE_TITLE, DEMO, openDemoArticle, signIn } from './helpers';

test('a signed-out visit redirects to sign-in', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/signin/);
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
});

test('the API answers 401 JSON when signed out', async ({ request }) => {
  const res = await request.get('/api/articles');
  expect(res.status()).toBe(401);
  expect((await res.json()).error.code).toBe('unauthenticated');
});

test('a wrong password is refused with a message that does not say which field was wrong', async ({ page }) => {
  await page.goto('/signin');
  await page.getByLabel('Email').fill(DEMO.ben.email);
  await page.getByLabel('Password').fill('definitely-wrong');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('signin-error')).toHaveText('That email and password do not match an account.');
  await expect(page).toHaveURL(/\/signin/);
});

test('an analyst signs in, sees the article list and reads the demo article', async ({ page }) => {
  await signIn(page, DEMO.amira);
  await expect(page.getByRole('heading', { name: 'Articles' })).toBeVisible();
  await openDemoArticle(page);
  const reader = page.getByTestId('article-reader');
  await expect(reader.getByRole('heading', { level: 2 })).toHaveCount(6);
  await expect(reader.getByRole('heading', { level: 2 }).first()).toHaveText('A dangerous militant ecosystem');
  await expect(reader).toContainText('more than 20 regional and international terrorist organisations');
  // Read-only: the reader never becomes an editor.
  await expect(reader.locator('[contenteditable="true"]')).toHaveCount(0);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto('/');
  await expect(page).toHaveURL(/\/signin/);
});

test('the title of the demo article is shown on the list', async ({ page }) => {
  await signIn(page, DEMO.rhea);
  await expect(page.getByRole('link', { name: ARTICLE_TITLE })).toBeVisible();
});
