import { expect, test } from '@playwright/test';
import { DEMO, signIn } from './helpers';

test('pages carry a nonce-based CSP and the other security headers', async ({ page }) => {
  const response = await page.goto('/signin');
  const headers = response!.headers();
  expect(headers['content-security-policy']).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(headers['content-security-policy']).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('same-origin');
  // The app still hydrates under the policy: the sign-in form reports errors client-side.
  await page.getByLabel('Email').fill('nobody@test.local');
  await page.getByLabel('Password').fill('wrong-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('signin-error')).toBeVisible();
});

test('an admin creates an analyst, who can sign in; a disabled analyst cannot', async ({ page, browser }) => {
  await signIn(page, DEMO.admin);
  await page.getByRole('link', { name: 'Users' }).click();
  const form = page.getByRole('form', { name: 'Create user' });
  const email = `e2e.${Date.now()}@claimdesk.test`;
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Name').fill('Esme Analyst');
  await form.getByLabel('Initial password').fill('esme-password-1');
  await form.getByRole('button', { name: 'Create user' }).click();
  const row = page.getByTestId('user-row').filter({ hasText: email });
  await expect(row).toContainText('active');

  const other = await browser.newContext();
  const analyst = await other.newPage();
  await signIn(analyst, { email, password: 'esme-password-1', name: 'Esme Analyst' });
  await expect(analyst.getByRole('link', { name: 'Users' })).toHaveCount(0);
  await analyst.goto('/admin/users');
  await expect(analyst.getByText('Only a desk admin can manage users.')).toBeVisible();

  await row.getByRole('button', { name: 'Disable' }).click();
  await expect(row).toContainText('disabled');
  // The existing session stops working at once, and signing in again is refused.
  const api = await analyst.request.get('/api/me');
  expect(api.status()).toBe(401);
  await other.clearCookies();
  await analyst.goto('/signin');
  await analyst.getByLabel('Email').fill(email);
  await analyst.getByLabel('Password').fill('esme-password-1');
  await analyst.getByRole('button', { name: 'Sign in' }).click();
  await expect(analyst.getByTestId('signin-error')).toHaveText(/This account cannot sign in/);
  await other.close();
});

test('an analyst creates an API token on the settings page; it works with curl-style requests and can be revoked', async ({ page, playwright }) => {
  await signIn(page, DEMO.ben);
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Token label').fill('e2e script');
  await page.getByRole('button', { name: 'Create token' }).click();
  const secret = (await page.getByTestId('new-token').locator('code').textContent())!;
  expect(secret).toMatch(/^cdk_/);
  const api = await playwright.request.newContext({ baseURL: page.url() });
  const ok = await api.get('/api/me', { headers: { Authorization: `Bearer ${secret}` } });
  expect(ok.status()).toBe(200);
  expect((await ok.json()).user.email).toBe(DEMO.ben.email);
  await page.getByTestId('token-row').filter({ hasText: 'e2e script' }).getByRole('button', { name: 'Revoke' }).click();
  await expect(page.getByTestId('token-row').filter({ hasText: 'e2e script' })).toContainText('revoked');
  expect((await api.get('/api/me', { headers: { Authorization: `Bearer ${secret}` } })).status()).toBe(401);
  await api.dispose();
});
