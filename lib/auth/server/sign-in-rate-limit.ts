import 'server-only';
import type { Db } from '@/lib/db/server/prisma';
import { runWrite } from '@/lib/db/server/run-write';

export const SIGN_IN_WINDOW_MS = 10 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 20;

/** First key of the advisory locks taken here (the second is a hash of the email or address). */
const LOCK_NAMESPACE = 0x5167_6e49; // "SgnI"
const PRUNE_EVERY_MS = 60_000;
let lastPrune = 0;

export type Reservation = { limited: false; attemptId: string } | { limited: true; retryAfterSeconds: number };

/**
 * Takes one password check's worth of allowance for an account and an address, or says when to retry.
 *
 * The attempt is stored as a failure *before* the password is checked, under advisory locks on the
 * email and the address: concurrent sign-ins for one account queue on the lock, and each counts the
 * reservations committed before it, so 30 parallel guesses get exactly the 5 checks the limit allows.
 * Stored in Postgres, so every app instance shares the count. A correct password turns the
 * reservation into a success (`settleSignInSuccess`).
 */
export async function reserveSignInAttempt(db: Db, email: string, ip: string, now = new Date()): Promise<Reservation> {
  return runWrite(db, null, async ({ tx }) => {
    // Always email first, then address: two reservations never wait for each other in a cycle.
    // The lock is its own statement so the count below reads a snapshot taken after it was granted.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_NAMESPACE}::int, hashtext(${`email:${email}`})), pg_advisory_xact_lock(${LOCK_NAMESPACE}::int, hashtext(${`ip:${ip}`}))`;
    const since = new Date(now.getTime() - SIGN_IN_WINDOW_MS);
    if (now.getTime() - lastPrune > PRUNE_EVERY_MS) {
      lastPrune = now.getTime();
      // Attempts outside the window never count again.
      await tx.signInAttempt.deleteMany({ where: { at: { lt: since } } });
    }
    const [byEmail, byIp] = await Promise.all([
      tx.signInAttempt.findMany({ where: { email, success: false, at: { gt: since } }, orderBy: { at: 'desc' }, take: MAX_FAILURES_PER_ACCOUNT, select: { at: true } }),
      tx.signInAttempt.findMany({ where: { ip, success: false, at: { gt: since } }, orderBy: { at: 'desc' }, take: MAX_FAILURES_PER_IP, select: { at: true } }),
    ]);
    const retryAfterSeconds = Math.max(retryFrom(byEmail, MAX_FAILURES_PER_ACCOUNT, now), retryFrom(byIp, MAX_FAILURES_PER_IP, now));
    if (retryAfterSeconds > 0) return { limited: true, retryAfterSeconds };
    const row = await tx.signInAttempt.create({ data: { email, ip, success: false, at: now }, select: { id: true } });
    return { limited: false, attemptId: row.id };
  });
}

// Limited until the oldest counted failure leaves the window.
function retryFrom(attempts: { at: Date }[], max: number, now: Date): number {
  if (attempts.length < max) return 0;
  const oldest = attempts[max - 1]!.at.getTime();
  return Math.max(1, Math.ceil((oldest + SIGN_IN_WINDOW_MS - now.getTime()) / 1000));
}

/** The reserved attempt had the right password: it stops counting, and so does the account's failure streak. */
export async function settleSignInSuccess(db: Db, attemptId: string, email: string): Promise<void> {
  await runWrite(db, null, async ({ tx }) => {
    await tx.signInAttempt.update({ where: { id: attemptId }, data: { success: true } });
    await tx.signInAttempt.deleteMany({ where: { email, success: false } });
  });
}
