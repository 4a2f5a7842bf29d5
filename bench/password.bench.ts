/**
 * Password hashing cost: one bcrypt check at the production cost (what a guess costs an attacker,
 * and what an unknown email costs the server too). Target from the issue: ≥ 50 ms.
 */
import type { BenchResult } from './types';

const RUNS = 5;

export async function run(): Promise<BenchResult[]> {
  // The production cost, whatever BCRYPT_COST the shell has (tests lower it).
  delete process.env.BCRYPT_COST;
  const { hashPassword, verifyPassword, burnPasswordCheck } = await import('@/lib/auth/server/password');
  const hash = await hashPassword('claimdesk-bench-password');
  const time = async (fn: () => Promise<unknown>) => {
    const samples: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      await fn();
      samples.push(performance.now() - t);
    }
    return samples.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
  };
  return [
    { suite: 'auth', name: 'bcrypt check, wrong password (median)', value: await time(() => verifyPassword('wrong-password-1', hash)), unit: 'ms', target: { op: '>', value: 50 } },
    { suite: 'auth', name: 'unknown email: dummy check (median)', value: await time(() => burnPasswordCheck('wrong-password-1')), unit: 'ms', target: { op: '>', value: 50 } },
  ];
}
