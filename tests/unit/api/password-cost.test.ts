import { describe, expect, it } from 'vitest';

describe('password hashing', () => {
  it('hashes real passwords and the unknown-email dummy at the same bcrypt cost (no timing tell)', async () => {
    const { hashPassword, verifyPassword, burnPasswordCheck } = await import('@/lib/auth/server/password');
    const hash = await hashPassword('a-long-enough-password');
    expect(hash).toMatch(/^\$2[aby]\$\d{2}\$/);
    expect(await verifyPassword('a-long-enough-password', hash)).toBe(true);
    expect(await verifyPassword('another-password', hash)).toBe(false);
    await expect(burnPasswordCheck('anything')).resolves.toBeUndefined();
    const source = await import('node:fs').then((fs) => fs.readFileSync('lib/auth/server/password.ts', 'utf8'));
    // Production default: cost 11 (~100 ms a check; bench/password.bench.ts measures it).
    expect(source).toMatch(/BCRYPT_COST \?\? 11\)/);
    expect(source).toMatch(/DUMMY_HASH = bcrypt\.hashSync\([^)]*, COST\)/);
  });
});
