import 'server-only';
import { AppError } from '@/lib/api/app-error';
import { createApiToken } from '@/lib/auth/server/api-tokens';
import type { Credential } from '@/lib/auth/server/current-actor';
import { verifyPassword } from '@/lib/auth/server/password';
import { reserveSignInAttempt, settleSignInSuccess } from '@/lib/auth/server/sign-in-rate-limit';
import { FRESH_SIGN_IN_MS } from '@/lib/auth/session-policy';
import type { CreateTokenInput } from '@/lib/auth/token-schemas';
import type { Actor } from '@/lib/core/actor';
import type { Db } from '@/lib/db/server/prisma';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A new API token for the caller. A token outlives the session that made it, so a stolen cookie
 * must not be enough: the sign-in must be at most FRESH_SIGN_IN_MS old, or the password is asked for
 * again (checked against the sign-in limiter, so it is no way around it). Token callers always give it.
 */
export async function mintApiToken(db: Db, actor: Actor, credential: Credential, input: CreateTokenInput, ip: string, now = new Date()) {
  const fresh = credential.source === 'session' && now.getTime() - credential.signedInAt.getTime() <= FRESH_SIGN_IN_MS;
  if (!fresh) await confirmPassword(db, actor, input.password, ip);
  const expiresAt = input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * DAY_MS) : null;
  return createApiToken(db, actor.id, input.label, expiresAt);
}

async function confirmPassword(db: Db, actor: Actor, password: string | undefined, ip: string): Promise<void> {
  if (!password) {
    throw new AppError('forbidden', `Creating a token needs a recent sign-in: enter your password (you signed in more than ${FRESH_SIGN_IN_MS / 60_000} minutes ago).`, {
      reason: 'reauthentication_required',
    });
  }
  const reservation = await reserveSignInAttempt(db, actor.email, ip);
  if (reservation.limited) {
    throw new AppError('rate_limited', `Too many wrong passwords. Try again in ${reservation.retryAfterSeconds} s.`, { retryAfterSeconds: reservation.retryAfterSeconds });
  }
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(password, user.passwordHash))) {
    throw new AppError('forbidden', 'That password is not right.', { reason: 'wrong_password' });
  }
  await settleSignInSuccess(db, reservation.attemptId, actor.email);
}
