// The sign-in limiter under concurrency, and the client address it keys on (issue #11, item 4).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// Counts real password checks (bcrypt compares), whether against a user's hash or the timing dummy.
const checks = vi.hoisted(() => ({ count: 0 }));
vi.mock('@/lib/auth/server/password', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/lib/auth/server/password')>();
  return {
    ...original,
    verifyPassword: (password: string, hash: string) => {
      checks.count++;
      return original.verifyPassword(password, hash);
    },
    burnPasswordCheck: (password: string) => {
      checks.count++;
      return original.burnPasswordCheck(password);
    },
  };
});

import { authenticate } from '@/lib/auth/server/authenticate';
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_IP, reserveSignInAttempt, SIGN_IN_WINDOW_MS } from '@/lib/auth/server/sign-in-rate-limit';
import { getDb } from '@/lib/db/server/prisma';
import { clientAddress, PEER_HEADER } from '@/lib/security/server/client-address';
import { createTestUser, resetDatabase } from '@/tests/support/fixtures';

const PROXY = '203.0.113.7';

/** What the Credentials provider passes to authenticate: the address derived from the request's headers. */
function requestFrom(peer: string, forwardedFor?: string): Headers {
  const headers = new Headers({ [PEER_HEADER]: peer });
  if (forwardedFor) headers.set('x-forwarded-for', forwardedFor);
  return headers;
}

describe('sign-in limiter', () => {
  beforeEach(async () => {
    await resetDatabase();
    checks.count = 0;
  });
  afterEach(() => vi.unstubAllEnvs());

  it('lets 30 parallel wrong passwords on one account through to at most 5 password checks', async () => {
    const user = await createTestUser();
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => authenticate(getDb(), { email: user.email, password: `wrong-guess-${i}` }, `10.20.0.${i}`)),
    );
    expect(checks.count).toBeLessThanOrEqual(MAX_FAILURES_PER_ACCOUNT);
    expect(results.filter((r) => !r.ok && r.reason === 'invalid')).toHaveLength(MAX_FAILURES_PER_ACCOUNT);
    expect(results.filter((r) => !r.ok && r.reason === 'rate_limited')).toHaveLength(30 - MAX_FAILURES_PER_ACCOUNT);
    // The right password is refused too until the window has passed.
    expect(await authenticate(getDb(), { email: user.email, password: user.password }, '10.20.1.1')).toMatchObject({ reason: 'rate_limited' });
    expect(checks.count).toBeLessThanOrEqual(MAX_FAILURES_PER_ACCOUNT);
  });

  it('holds the per-address limit under parallel guesses at many accounts', async () => {
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => authenticate(getDb(), { email: `spray${i}@test.local`, password: 'guess-guess' }, '10.30.0.1')),
    );
    expect(checks.count).toBe(MAX_FAILURES_PER_IP);
    expect(results.filter((r) => !r.ok && r.reason === 'rate_limited')).toHaveLength(40 - MAX_FAILURES_PER_IP);
  });

  it('a right password clears the account streak and does not count against the address', async () => {
    const user = await createTestUser();
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT - 1; i++) await authenticate(getDb(), { email: user.email, password: `wrong-${i}` }, '10.40.0.1');
    expect((await authenticate(getDb(), { email: user.email, password: user.password }, '10.40.0.1')).ok).toBe(true);
    expect(await getDb().signInAttempt.count({ where: { email: user.email, success: false } })).toBe(0);
    expect((await authenticate(getDb(), { email: user.email, password: 'wrong-again' }, '10.40.0.1')).ok).toBe(false);
    expect((await authenticate(getDb(), { email: user.email, password: user.password }, '10.40.0.1')).ok).toBe(true);
  });

  it('prunes attempts that have left the window', async () => {
    const old = new Date(Date.now() - SIGN_IN_WINDOW_MS - 60_000);
    await getDb().signInAttempt.createMany({ data: Array.from({ length: 50 }, (_, i) => ({ email: `old${i}@test.local`, ip: '10.50.0.1', success: false, at: old })) });
    // Far enough in the future that this process's prune interval has elapsed.
    await reserveSignInAttempt(getDb(), 'fresh@test.local', '10.50.0.2', new Date(Date.now() + 120_000));
    expect(await getDb().signInAttempt.count({ where: { at: { lt: new Date(Date.now() - SIGN_IN_WINDOW_MS) } } })).toBe(0);
  });

  it('rotating X-Forwarded-For does not escape the per-address limit of a direct client', async () => {
    const results = [];
    for (let i = 0; i < MAX_FAILURES_PER_IP + 5; i++) {
      const ip = clientAddress(requestFrom('198.51.100.9', `192.0.2.${i}`));
      results.push(await authenticate(getDb(), { email: `rotate${i}@test.local`, password: 'guess-guess' }, ip));
    }
    expect(results.slice(MAX_FAILURES_PER_IP).every((r) => !r.ok && r.reason === 'rate_limited')).toBe(true);
    expect(checks.count).toBe(MAX_FAILURES_PER_IP);
  });

  it('believes X-Forwarded-For only from a configured proxy', async () => {
    vi.stubEnv('TRUSTED_PROXIES', `${PROXY}, 10.0.0.0/8`);
    const results = [];
    for (let i = 0; i < MAX_FAILURES_PER_IP + 5; i++) {
      const ip = clientAddress(requestFrom(PROXY, `192.0.2.${i}`));
      results.push(await authenticate(getDb(), { email: `behind-proxy${i}@test.local`, password: 'guess-guess' }, ip));
    }
    // Each client behind the trusted proxy is its own address: nobody is limited.
    expect(results.every((r) => !r.ok && r.reason === 'invalid')).toBe(true);
    // A client that reaches the app directly still cannot pick its address.
    expect(clientAddress(requestFrom('198.51.100.9', '192.0.2.1'))).toBe('198.51.100.9');
  });
});

describe('client address (proxy-addr semantics)', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('is the TCP peer when no proxy is trusted, whatever the headers say', () => {
    expect(clientAddress(requestFrom('198.51.100.9', '1.2.3.4, 5.6.7.8'))).toBe('198.51.100.9');
    expect(clientAddress(requestFrom('::ffff:127.0.0.1', '1.2.3.4'))).toBe('127.0.0.1');
  });

  it('walks X-Forwarded-For from the right through trusted proxies only', () => {
    vi.stubEnv('TRUSTED_PROXIES', 'loopback, 10.0.0.0/8');
    // client 1.2.3.4 → spoofed entry 6.6.6.6 → proxy 10.1.1.1 → proxy 127.0.0.1 → app
    expect(clientAddress(requestFrom('127.0.0.1', '6.6.6.6, 1.2.3.4, 10.1.1.1'))).toBe('1.2.3.4');
    expect(clientAddress(requestFrom('127.0.0.1', 'not-an-address, 10.1.1.1'))).toBe('not-an-address');
    expect(clientAddress(requestFrom('127.0.0.1'))).toBe('127.0.0.1');
  });

  it('without a known peer (a handler called in-process) is one shared "unknown", never a header value', () => {
    vi.stubEnv('TRUSTED_PROXIES', 'loopback');
    expect(clientAddress(new Headers({ 'x-forwarded-for': '1.2.3.4' }))).toBe('unknown');
  });
});
