import { expect, test, type BrowserContext } from '@playwright/test';
import { DEMO, signIn } from './helpers';

const cookieHeader = async (context: BrowserContext) => (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');

test('after signing out, a copy of the old session cookie is refused', async ({ page, context, playwright, baseURL }) => {
  await signIn(page, DEMO.amira);
  const stolen = await cookieHeader(context);
  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: stolen } });
  expect((await api.get('/api/me')).status()).toBe(200);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/signin/);
  expect((await api.get('/api/me')).status()).toBe(401);
  // Visiting a page with it lands on sign-in (and stays there: no redirect loop).
  const visit = await api.get('/settings');
  expect(visit.url()).toMatch(/\/signin/);
  await api.dispose();
});

test('an admin signs a user out everywhere: their open browser is sent to sign-in and their token stops working', async ({ page, browser, playwright, baseURL }) => {
  await signIn(page, DEMO.admin);
  const email = `e2e.everywhere.${Date.now()}@claimdesk.test`;
  const created = await page.request.post('/api/admin/users', {
    headers: { origin: new URL(baseURL!).origin },
    data: { email, name: 'Evan Everywhere', role: 'ANALYST', password: 'evan-password-1' },
  });
  expect(created.status()).toBe(201);

  const other = await browser.newContext();
  const user = await other.newPage();
  await signIn(user, { email, password: 'evan-password-1', name: 'Evan Everywhere' });
  await user.goto('/settings');
  await user.getByLabel('Token label').fill('evan script');
  await user.getByRole('button', { name: 'Create token' }).click();
  const secret = (await user.getByTestId('new-token').locator('code').textContent())!;
  const api = await playwright.request.newContext({ baseURL });
  expect((await api.get('/api/me', { headers: { Authorization: `Bearer ${secret}` } })).status()).toBe(200);
  await expect(user.getByTestId('token-row').filter({ hasText: 'evan script' })).toContainText('never');

  await page.getByRole('link', { name: 'Users' }).click();
  await page.getByTestId('user-row').filter({ hasText: email }).getByRole('button', { name: 'Sign out everywhere' }).click();
  await page.getByRole('dialog', { name: `Sign ${email} out everywhere?` }).getByRole('button', { name: 'Sign out everywhere' }).click();
  await expect(page.getByRole('status')).toContainText(`${email} is signed out everywhere`);

  await user.reload();
  await expect(user).toHaveURL(/\/signin/);
  expect((await api.get('/api/me', { headers: { Authorization: `Bearer ${secret}` } })).status()).toBe(401);
  // The admin's own session is untouched.
  await page.reload();
  await expect(page.getByTestId('current-user')).toContainText(DEMO.admin.name);
  await api.dispose();
  await other.close();
});
