// Revocable sessions (issue #11, item 3): the session version, its bumps, the absolute lifetime,
// token expiry and last use, fresh sign-in for minting, and live streams that end with their session.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as eventsRoute from '@/app/api/articles/[id]/events/route';
import * as meRoute from '@/app/api/me/route';
import * as tokensRoute from '@/app/api/tokens/route';
import * as userRoute from '@/app/api/admin/users/[id]/route';
import * as signOutEverywhereRoute from '@/app/api/admin/users/[id]/sign-out-everywhere/route';
import { endSessionsOnSignOut } from '@/lib/auth/server/end-sessions';
import { SESSION_COOKIE } from '@/lib/auth/server/session-cookie';
import { FRESH_SIGN_IN_MS, SESSION_MAX_LIFETIME_S } from '@/lib/auth/session-policy';
import { getDb } from '@/lib/db/server/prisma';
import { SSE_PING_MS } from '@/lib/live/server/open-article-stream';
import type { ApiTokenDto, CreatedApiTokenDto } from '@/lib/auth/api-token-dto';
import { callRoute, sessionCookieFor } from '@/tests/support/call-route';
import { createTestUser, demoArticle, resetDatabase, type TestUser } from '@/tests/support/fixtures';
import { SseReader } from '@/tests/support/sse-reader';

const SAME_ORIGIN = { origin: 'http://localhost:3000' };
const me = (auth: { cookie?: string; token?: string }) => callRoute(meRoute.GET, '/api/me', auth);

let admin: TestUser;
let analyst: TestUser;

describe('revocable sessions', () => {
  beforeEach(async () => {
    await resetDatabase();
    admin = await createTestUser('ADMIN');
    analyst = await createTestUser('ANALYST');
  });
  afterEach(() => vi.useRealTimers());

  it('an old cookie is refused after sign-out (and so is a second browser’s), while API tokens keep working', async () => {
    const cookie = await sessionCookieFor(analyst.id);
    const otherBrowser = await sessionCookieFor(analyst.id);
    expect((await me({ cookie })).status).toBe(200);
    // What auth.ts's signOut event does with the signing-out cookie's claims (the browser path is in tests/e2e/sessions.spec.ts).
    await endSessionsOnSignOut(getDb(), analyst.id, 0);
    expect((await me({ cookie })).status).toBe(401);
    expect((await me({ cookie: otherBrowser })).status).toBe(401);
    expect((await me({ token: analyst.token })).status).toBe(200);
    // The stolen cookie cannot mint a token either.
    expect((await callRoute(tokensRoute.POST, '/api/tokens', { method: 'POST', cookie, json: { label: 'x' }, headers: SAME_ORIGIN })).status).toBe(401);
    // Signing in again gives a working session.
    expect((await me({ cookie: await sessionCookieFor(analyst.id) })).status).toBe(200);
  });

  it.each([
    ['a password reset', { password: 'a-brand-new-password' }],
    ['a role change', { role: 'REVIEWER' }],
    ['disabling the account', { disabled: true }],
  ])('%s by an admin ends the user’s cookies and revokes their tokens', async (_what, change) => {
    const cookie = await sessionCookieFor(analyst.id);
    const adminCookie = await sessionCookieFor(admin.id);
    const res = await callRoute(userRoute.PATCH, `/api/admin/users/${analyst.id}`, { method: 'PATCH', cookie: adminCookie, json: change, params: { id: analyst.id }, headers: SAME_ORIGIN });
    expect(res.status).toBe(200);
    expect((await me({ cookie })).status).toBe(401);
    expect((await me({ token: analyst.token })).status).toBe(401);
    expect((await me({ cookie: adminCookie })).status).toBe(200);
  });

  it('re-enabling a disabled account does not bring its old cookies or tokens back', async () => {
    const cookie = await sessionCookieFor(analyst.id);
    for (const disabled of [true, false]) {
      const res = await callRoute(userRoute.PATCH, `/api/admin/users/${analyst.id}`, { method: 'PATCH', token: admin.token, json: { disabled }, params: { id: analyst.id } });
      expect(res.status).toBe(200);
    }
    expect((await me({ cookie })).status).toBe(401);
    expect((await me({ token: analyst.token })).status).toBe(401);
  });

  it('an admin signs a user out everywhere: cookies and tokens end; others are refused; unknown ids are 404', async () => {
    const cookie = await sessionCookieFor(analyst.id);
    const call = (as: TestUser, id: string) =>
      callRoute(signOutEverywhereRoute.POST, `/api/admin/users/${id}/sign-out-everywhere`, { method: 'POST', token: as.token, params: { id } });
    expect((await call(analyst, admin.id)).status).toBe(403);
    expect((await me({ token: admin.token })).status).toBe(200);
    expect((await call(admin, 'no-such-user')).status).toBe(404);
    const res = await call(admin, analyst.id);
    expect(res.status).toBe(200);
    expect(res.data.user).toMatchObject({ id: analyst.id, email: analyst.email });
    expect((await me({ cookie })).status).toBe(401);
    expect((await me({ token: analyst.token })).status).toBe(401);
    expect(await getDb().apiToken.count({ where: { userId: analyst.id, revokedAt: null } })).toBe(0);
  });

  it('a cookie ends its absolute lifetime after sign-in however recently it was re-issued', async () => {
    const old = await sessionCookieFor(analyst.id, { signedInAt: new Date(Date.now() - (SESSION_MAX_LIFETIME_S + 60) * 1000) });
    expect((await me({ cookie: old })).status).toBe(401);
    expect((await me({ cookie: await sessionCookieFor(analyst.id, { signedInAt: new Date(Date.now() - (SESSION_MAX_LIFETIME_S - 60) * 1000) }) })).status).toBe(200);
    // A cookie without a sign-in time (issued before sessions were versioned) is no session.
    expect((await me({ cookie: `${SESSION_COOKIE}=garbage` })).status).toBe(401);
  });

  it('a live stream closes at its next ping once its session ends', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const { article } = await demoArticle();
    const cookie = await sessionCookieFor(analyst.id);
    const controller = new AbortController();
    const res = await eventsRoute.GET(
      new Request(`http://localhost:3000/api/articles/${article.id}/events`, { headers: { host: 'localhost:3000', cookie, accept: 'text/event-stream' }, signal: controller.signal }),
      { params: Promise.resolve({ id: article.id }) },
    );
    expect(res.status).toBe(200);
    const reader = new SseReader(res.body!.getReader());
    await reader.next((m) => m.event === 'presence');
    vi.advanceTimersByTime(SSE_PING_MS);
    expect(await reader.ended(500)).toBe(false);
    await callRoute(signOutEverywhereRoute.POST, `/api/admin/users/${analyst.id}/sign-out-everywhere`, { method: 'POST', token: admin.token, params: { id: analyst.id } });
    vi.advanceTimersByTime(SSE_PING_MS);
    expect(await reader.ended(5_000)).toBe(true);
    controller.abort();
  });

  it('a token stream closes once its token is revoked', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const { article } = await demoArticle();
    const controller = new AbortController();
    const res = await eventsRoute.GET(
      new Request(`http://localhost:3000/api/articles/${article.id}/events`, { headers: { host: 'localhost:3000', authorization: `Bearer ${analyst.token}` }, signal: controller.signal }),
      { params: Promise.resolve({ id: article.id }) },
    );
    const reader = new SseReader(res.body!.getReader());
    await reader.next((m) => m.event === 'presence');
    await getDb().apiToken.updateMany({ where: { userId: analyst.id }, data: { revokedAt: new Date() } });
    vi.advanceTimersByTime(SSE_PING_MS);
    expect(await reader.ended(5_000)).toBe(true);
    controller.abort();
  });
});

describe('API tokens: expiry, last use, fresh sign-in to mint', () => {
  beforeEach(async () => {
    await resetDatabase();
    analyst = await createTestUser('ANALYST');
  });

  const mint = (auth: { cookie?: string; token?: string }, json: unknown) =>
    callRoute<CreatedApiTokenDto>(tokensRoute.POST, '/api/tokens', { method: 'POST', ...auth, json, headers: auth.cookie ? SAME_ORIGIN : {} });

  it('mints with a fresh sign-in; an older one needs the password, which is checked and rate-limited', async () => {
    expect((await mint({ cookie: await sessionCookieFor(analyst.id) }, { label: 'fresh' })).status).toBe(201);
    const stale = await sessionCookieFor(analyst.id, { signedInAt: new Date(Date.now() - FRESH_SIGN_IN_MS - 60_000) });
    const refused = await mint({ cookie: stale }, { label: 'stale' });
    expect(refused.status).toBe(403);
    expect(refused.data.error?.details).toEqual({ reason: 'reauthentication_required' });
    expect(refused.data.error?.message).toMatch(/password/);
    const wrong = await mint({ cookie: stale }, { label: 'stale', password: 'not-my-password' });
    expect(wrong.status).toBe(403);
    expect(wrong.data.error?.details).toEqual({ reason: 'wrong_password' });
    expect((await mint({ cookie: stale }, { label: 'stale', password: analyst.password })).status).toBe(201);
    for (let i = 0; i < 5; i++) await mint({ cookie: stale }, { label: 'stale', password: `guess-${i}` });
    const limited = await mint({ cookie: stale }, { label: 'stale', password: analyst.password });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await getDb().apiToken.count({ where: { userId: analyst.id } })).toBe(3);
  });

  it('a token caller always gives the password', async () => {
    expect((await mint({ token: analyst.token }, { label: 'script' })).data.error?.details).toEqual({ reason: 'reauthentication_required' });
    expect((await mint({ token: analyst.token }, { label: 'script', password: analyst.password })).status).toBe(201);
  });

  it('a token may expire; an expired one is refused; the list shows expiry and last use', async () => {
    const cookie = await sessionCookieFor(analyst.id);
    const made = await mint({ cookie }, { label: 'weekly', expiresInDays: 7 });
    expect(made.status).toBe(201);
    const expiresAt = new Date(made.data.token.expiresAt!).getTime();
    expect(Math.abs(expiresAt - (Date.now() + 7 * 86_400_000))).toBeLessThan(60_000);
    const { secret } = made.data;
    expect((await me({ token: secret })).status).toBe(200);
    const listed = (await callRoute<{ tokens: ApiTokenDto[] }>(tokensRoute.GET, '/api/tokens', { cookie })).data.tokens;
    const weekly = listed.find((t) => t.label === 'weekly')!;
    expect(weekly.expiresAt).not.toBeNull();
    expect(weekly.lastUsedAt).not.toBeNull();
    expect(listed.find((t) => t.label === 'test')!.expiresAt).toBeNull();
    await getDb().apiToken.updateMany({ where: { label: 'weekly' }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await me({ token: secret })).status).toBe(401);
  });

  it('refuses an expiry that is not offered', async () => {
    const cookie = await sessionCookieFor(analyst.id);
    for (const expiresInDays of [0, 3, -7, 'soon', 100000]) {
      const res = await mint({ cookie }, { label: 'x', expiresInDays });
      expect(res.status).toBe(400);
      expect(res.data.error?.message ?? JSON.stringify(res.data.error?.details)).toMatch(/expiresInDays|days/);
    }
    expect(await getDb().apiToken.count({ where: { userId: analyst.id } })).toBe(1);
  });
});

describe('sign-out', () => {
  beforeEach(resetDatabase);

  it('a stale cookie signing out (an older version) does not end the current sessions', async () => {
    const user = await createTestUser();
    await endSessionsOnSignOut(getDb(), user.id, 0);
    const current = await sessionCookieFor(user.id);
    await endSessionsOnSignOut(getDb(), user.id, 0);
    expect((await me({ cookie: current })).status).toBe(200);
  });
});
