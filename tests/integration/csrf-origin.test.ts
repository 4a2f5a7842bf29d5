// The CSRF check on cookie writes compares the whole origin with the configured public URL (issue #11, item 9).
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import * as tokensRoute from '@/app/api/tokens/route';
import { PEER_HEADER } from '@/lib/security/server/client-address';
import { callRoute, sessionCookieFor } from '@/tests/support/call-route';
import { createTestUser, resetDatabase, type TestUser } from '@/tests/support/fixtures';

let user: TestUser;
let cookie: string;

// Any cookie write will do; creating an API token is one of the smallest.
const write = (headers: Record<string, string>) => callRoute(tokensRoute.POST, '/api/tokens', { method: 'POST', cookie, json: { label: 'csrf' }, headers });

describe('same-origin check for cookie writes', () => {
  beforeAll(async () => {
    await resetDatabase();
    user = await createTestUser();
    cookie = await sessionCookieFor(user.id);
  });
  afterEach(() => vi.unstubAllEnvs());

  it('without AUTH_URL: accepts exactly http://<Host>, refuses another scheme or port', async () => {
    expect((await write({ origin: 'http://localhost:3000' })).status).toBe(201);
    expect((await write({ origin: 'https://localhost:3000' })).status).toBe(403);
    expect((await write({ origin: 'http://localhost:3001' })).status).toBe(403);
    expect((await write({ origin: 'http://localhost' })).status).toBe(403);
    expect((await write({ origin: 'null' })).status).toBe(403);
  });

  it('with AUTH_URL: compares scheme, host and port against it', async () => {
    vi.stubEnv('AUTH_URL', 'https://desk.example.org');
    expect((await write({ origin: 'https://desk.example.org', host: 'desk.example.org' })).status).toBe(201);
    expect((await write({ origin: 'https://desk.example.org:443' })).status).toBe(201);
    // The http:// variant of the public origin is another origin.
    expect((await write({ origin: 'http://desk.example.org', host: 'desk.example.org' })).status).toBe(403);
    expect((await write({ origin: 'https://desk.example.org:8443', host: 'desk.example.org:8443' })).status).toBe(403);
    // The Host header does not matter once the public URL is configured.
    expect((await write({ origin: 'http://localhost:3000' })).status).toBe(403);
  });

  it('ignores X-Forwarded-Host and X-Forwarded-Proto unless the peer is a trusted proxy', async () => {
    const forged = { origin: 'https://evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https', [PEER_HEADER]: '198.51.100.9' };
    expect((await write(forged)).status).toBe(403);
    vi.stubEnv('TRUSTED_PROXIES', '10.0.0.2');
    expect((await write(forged)).status).toBe(403);
    const viaProxy = { origin: 'https://desk.example.org', 'x-forwarded-host': 'desk.example.org', 'x-forwarded-proto': 'https', [PEER_HEADER]: '10.0.0.2' };
    expect((await write(viaProxy)).status).toBe(201);
  });

  it('still refuses a write with neither Origin nor Sec-Fetch-Site, or a cross-site Sec-Fetch-Site', async () => {
    expect((await write({})).status).toBe(403);
    expect((await write({ 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await write({ 'sec-fetch-site': 'same-site', origin: 'http://localhost:3000' })).status).toBe(403);
    expect((await write({ 'sec-fetch-site': 'same-origin' })).status).toBe(201);
  });

  it('does not apply to bearer-token writes (no ambient credential)', async () => {
    const res = await callRoute(tokensRoute.POST, '/api/tokens', { method: 'POST', token: user.token, json: { label: 'script', password: user.password }, headers: { origin: 'https://evil.example' } });
    expect(res.status).toBe(201);
  });
});
