import 'server-only';
import { z } from 'zod';
import type { Role } from '@/lib/core/enums';
import type { Db } from '@/lib/db/server/prisma';
import { burnPasswordCheck, verifyPassword } from '@/lib/auth/server/password';
import { reserveSignInAttempt, settleSignInSuccess } from '@/lib/auth/server/sign-in-rate-limit';

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().max(320).pipe(z.email('Enter a valid email address.')),
  password: z.string().min(1, 'Enter your password.').max(1024),
});

export type AuthenticatedUser = { id: string; email: string; name: string; role: Role };

export type AuthenticateResult =
  | { ok: true; user: AuthenticatedUser }
  | { ok: false; reason: 'invalid' | 'disabled' }
  | { ok: false; reason: 'rate_limited'; retryAfterSeconds: number };

export const SIGN_IN_MESSAGES = {
  invalid: 'That email and password do not match an account.',
  // The same answer whether the password was right or wrong: it must not confirm a password.
  disabled: 'This account cannot sign in. Ask a desk admin if you think it should.',
  rateLimited: (seconds: number) => `Too many failed sign-in attempts. Try again in ${seconds} s.`,
} as const;

/** Checks email + password with rate limiting and constant-ish timing whether or not the email exists. */
export async function authenticate(db: Db, input: unknown, ip: string): Promise<AuthenticateResult> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: 'invalid' };
  const { email, password } = parsed.data;

  const reservation = await reserveSignInAttempt(db, email, ip);
  if (reservation.limited) return { ok: false, reason: 'rate_limited', retryAfterSeconds: reservation.retryAfterSeconds };

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, disabled: true, passwordHash: true },
  });
  if (!user) {
    await burnPasswordCheck(password);
    return { ok: false, reason: 'invalid' };
  }
  const matches = await verifyPassword(password, user.passwordHash);
  // A disabled account answers the same for a right and a wrong password, and every attempt on it
  // stays counted as a failure, so neither the answer nor the limit tells the two apart.
  if (user.disabled) return { ok: false, reason: 'disabled' };
  if (!matches) return { ok: false, reason: 'invalid' };
  await settleSignInSuccess(db, reservation.attemptId, email);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}
