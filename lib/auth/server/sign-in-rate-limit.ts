import 'server-only';
import type { Db } from '@/lib/db/server/prisma';
import { runWrite } from '@/lib/db/server/run-write';

export const SIGN_IN_WINDOW_MS = 10 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 20;

export type RateLimitVerdict = { limited: false } | { limited: true; retryAfterSeconds: number };

/** Failed sign-ins in the window, per account and per IP, stored in Postgres so every app instance agrees. */
export async function checkSignInRateLimit(db: Db, email: string, ip: string, now = new Date()): Promise<RateLimitVerdict> {
  const since = new Date(now.getTime() - SIGN_IN_WINDOW_MS);
  const [byEmail, byIp] = await Promise.all([
    db.signInAttempt.findMany({ where: { email, success: false, at: { gt: since } }, orderBy: { at: 'desc' }, take: MAX_FAILURES_PER_ACCOUNT, select: { at: true } }),
    db.signInAttempt.findMany({ where: { ip, success: false, at: { gt: since } }, orderBy: { at: 'desc' }, take: MAX_FAILURES_PER_IP, select: { at: true } }),
  ]);
  const retryFrom = (attempts: { at: Date }[], max: number) => {
    if (attempts.length < max) return 0;
    // Limited until the oldest counted failure leaves the window.
    const oldest = attempts[max - 1]!.at.getTime();
    return Math.max(1, Math.ceil((oldest + SIGN_IN_WINDOW_MS - now.getTime()) / 1000));
  };
  const retryAfterSeconds = Math.max(retryFrom(byEmail, MAX_FAILURES_PER_ACCOUNT), retryFrom(byIp, MAX_FAILURES_PER_IP));
  return retryAfterSeconds > 0 ? { limited: true, retryAfterSeconds } : { limited: false };
}

export async function recordSignInAttempt(db: Db, email: string, ip: string, success: boolean): Promise<void> {
  await runWrite(db, null, async ({ tx }) => {
    await tx.signInAttempt.create({ data: { email, ip, success } });
    // A successful sign-in clears the account's failure streak.
    if (success) await tx.signInAttempt.deleteMany({ where: { email, success: false } });
  });
}
