import { beforeEach, describe, expect, it } from 'vitest';
import * as articlesRoute from '@/app/api/articles/route';
import * as tokensRoute from '@/app/api/tokens/route';
import * as tokenRoute from '@/app/api/tokens/[id]/route';
import * as usersRoute from '@/app/api/admin/users/route';
import * as userRoute from '@/app/api/admin/users/[id]/route';
import { getDb } from '@/lib/db/server/prisma';
import type { ArticleSummaryDto } from '@/lib/articles/article-dto';
import type { CreatedApiTokenDto } from '@/lib/auth/api-token-dto';
import type { UserDto } from '@/lib/users/user-dto';
import { callRoute, sessionCookieFor } from '@/tests/support/call-route';
import { createTestUser, resetDatabase } from '@/tests/support/fixtures';

describe('API authentication and authorisation', () => {
  beforeEach(resetDatabase);

  it('answers 401 JSON without credentials, with a bad token, and with a forged cookie', async () => {
    const none = await callRoute(articlesRoute.GET, '/api/articles');
    expect(none.status).toBe(401);
    expect(none.data.error).toMatchObject({ code: 'unauthenticated' });
    expect(none.data.error?.message).toMatch(/Sign in/);
    expect((await callRoute(articlesRoute.GET, '/api/articles', { token: 'cdk_not-a-real-token' })).status).toBe(401);
    expect((await callRoute(articlesRoute.GET, '/api/articles', { cookie: 'authjs.session-token=forged' })).status).toBe(401);
  });

  it('lists articles for a bearer token and for a session cookie', async () => {
    const user = await createTestUser();
    const byToken = await callRoute<{ articles: ArticleSummaryDto[] }>(articlesRoute.GET, '/api/articles', { token: user.token });
    expect(byToken.status).toBe(200);
    const { articles } = byToken.data;
    expect(articles[0]).toMatchObject({ title: 'UN Flags Militant Nexus Threatening Pakistan', currentVersion: { number: 1 }, counts: {} });
    const byCookie = await callRoute(articlesRoute.GET, '/api/articles', { cookie: await sessionCookieFor(user.id) });
    expect(byCookie.status).toBe(200);
  });

  it('refuses a disabled user’s token and session', async () => {
    const user = await createTestUser();
    await getDb().user.update({ where: { id: user.id }, data: { disabled: true } });
    expect((await callRoute(articlesRoute.GET, '/api/articles', { token: user.token })).status).toBe(401);
    expect((await callRoute(articlesRoute.GET, '/api/articles', { cookie: await sessionCookieFor(user.id) })).status).toBe(401);
  });

  it('creates and revokes tokens; a revoked token gets 401; nobody revokes someone else’s', async () => {
    const user = await createTestUser();
    const other = await createTestUser();
    const created = await callRoute<CreatedApiTokenDto>(tokensRoute.POST, '/api/tokens', { method: 'POST', token: user.token, json: { label: 'script', password: user.password } });
    expect(created.status).toBe(201);
    const { secret } = created.data;
    const { id } = created.data.token;
    expect((await callRoute(articlesRoute.GET, '/api/articles', { token: secret })).status).toBe(200);
    const stored = await getDb().apiToken.findUniqueOrThrow({ where: { id } });
    expect(stored.tokenHash).not.toContain(secret);
    expect(JSON.stringify(stored)).not.toContain(secret);

    expect((await callRoute(tokenRoute.DELETE, `/api/tokens/${id}`, { method: 'DELETE', token: other.token, params: { id } })).status).toBe(404);
    expect((await callRoute(tokenRoute.DELETE, `/api/tokens/${id}`, { method: 'DELETE', token: user.token, params: { id } })).status).toBe(204);
    expect((await callRoute(articlesRoute.GET, '/api/articles', { token: secret })).status).toBe(401);
  });

  it('refuses cross-site writes made with the session cookie, but not same-origin ones', async () => {
    const user = await createTestUser();
    const cookie = await sessionCookieFor(user.id);
    const body = { format: 'text', content: 'A headline\nA paragraph of text that ends with a period.' };
    const crossSite = await callRoute(articlesRoute.POST, '/api/articles', { method: 'POST', cookie, json: body, headers: { origin: 'https://evil.example' } });
    expect(crossSite.status).toBe(403);
    const noOrigin = await callRoute(articlesRoute.POST, '/api/articles', { method: 'POST', cookie, json: body });
    expect(noOrigin.status).toBe(403);
    const sameOrigin = await callRoute(articlesRoute.POST, '/api/articles', { method: 'POST', cookie, json: body, headers: { 'sec-fetch-site': 'same-origin' } });
    expect(sameOrigin.status).toBe(201);
  });

  it('lets only admins manage users', async () => {
    const analyst = await createTestUser('ANALYST');
    const admin = await createTestUser('ADMIN');
    const payload = { email: 'new.analyst@test.local', name: 'New Analyst', role: 'ANALYST', password: 'long-enough-pass' };
    expect((await callRoute(usersRoute.POST, '/api/admin/users', { method: 'POST', token: analyst.token, json: payload })).status).toBe(403);
    expect((await callRoute(usersRoute.GET, '/api/admin/users', { token: analyst.token })).status).toBe(403);
    const created = await callRoute<{ user: UserDto }>(usersRoute.POST, '/api/admin/users', { method: 'POST', token: admin.token, json: payload });
    expect(created.status).toBe(201);
    const dup = await callRoute(usersRoute.POST, '/api/admin/users', { method: 'POST', token: admin.token, json: payload });
    expect(dup.status).toBe(409);
    const { id } = created.data.user;
    expect((await callRoute(userRoute.PATCH, `/api/admin/users/${id}`, { method: 'PATCH', token: analyst.token, json: { disabled: true }, params: { id } })).status).toBe(403);
    const disabled = await callRoute(userRoute.PATCH, `/api/admin/users/${id}`, { method: 'PATCH', token: admin.token, json: { disabled: true }, params: { id } });
    expect(disabled.data.user).toMatchObject({ disabled: true });
    const short = await callRoute(userRoute.PATCH, `/api/admin/users/${id}`, { method: 'PATCH', token: admin.token, json: { password: 'short' }, params: { id } });
    expect(short.status).toBe(400);
    expect(short.data.error?.message).toMatch(/at least 10 characters/);
  });
});
