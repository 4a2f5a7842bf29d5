import { beforeEach, describe, expect, it } from 'vitest';
import { authenticate, SIGN_IN_MESSAGES } from '@/lib/auth/server/authenticate';
import { MAX_FAILURES_PER_ACCOUNT } from '@/lib/auth/server/sign-in-rate-limit';
import { getDb } from '@/lib/db/server/prisma';
import { createTestUser, resetDatabase } from '@/tests/support/fixtures';

describe('sign-in', () => {
  beforeEach(resetDatabase);

  it('accepts the right password and returns the user with their role', async () => {
    const user = await createTestUser('REVIEWER');
    const result = await authenticate(getDb(), { email: user.email.toUpperCase(), password: user.password }, '10.0.0.1');
    expect(result).toEqual({ ok: true, user: { id: user.id, email: user.email, name: user.name, role: 'REVIEWER' } });
  });

  it('gives the same answer for a wrong password and an unknown email', async () => {
    const user = await createTestUser();
    const wrong = await authenticate(getDb(), { email: user.email, password: 'not-the-password' }, '10.0.0.2');
    const unknown = await authenticate(getDb(), { email: 'nobody@test.local', password: 'whatever-it-is' }, '10.0.0.2');
    expect(wrong).toEqual({ ok: false, reason: 'invalid' });
    expect(unknown).toEqual(wrong);
    expect(SIGN_IN_MESSAGES.invalid).not.toMatch(/password is (wrong|incorrect)|no account with/i);
  });

  it('refuses a disabled user even with the right password', async () => {
    const user = await createTestUser();
    await getDb().user.update({ where: { id: user.id }, data: { disabled: true } });
    expect(await authenticate(getDb(), { email: user.email, password: user.password }, '10.0.0.3')).toEqual({ ok: false, reason: 'disabled' });
  });

  it('rate-limits an account after repeated failures, even with the right password, and says when to retry', async () => {
    const user = await createTestUser();
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      expect((await authenticate(getDb(), { email: user.email, password: `wrong-${i}` }, `10.1.0.${i}`)).ok).toBe(false);
    }
    const limited = await authenticate(getDb(), { email: user.email, password: user.password }, '10.2.0.1');
    expect(limited).toMatchObject({ ok: false, reason: 'rate_limited' });
    if (limited.ok || limited.reason !== 'rate_limited') throw new Error('expected a rate limit');
    expect(limited.retryAfterSeconds).toBeGreaterThan(0);
    expect(limited.retryAfterSeconds).toBeLessThanOrEqual(600);
    expect(SIGN_IN_MESSAGES.rateLimited(limited.retryAfterSeconds)).toMatch(/Try again in \d+ s/);
  });

  it('rate-limits an IP that tries many accounts', async () => {
    for (let i = 0; i < 20; i++) await authenticate(getDb(), { email: `spray${i}@test.local`, password: 'guess-guess' }, '10.9.9.9');
    const user = await createTestUser();
    expect(await authenticate(getDb(), { email: user.email, password: user.password }, '10.9.9.9')).toMatchObject({ reason: 'rate_limited' });
    expect((await authenticate(getDb(), { email: user.email, password: user.password }, '10.9.9.8')).ok).toBe(true);
  });
});
