import 'server-only';
import { z } from 'zod';
import type { Role } from '@/lib/core/enums';
import type { Db } from '@/lib/db/server/prisma';
import { burnPasswordCheck, verifyPassword } from '@/lib/auth/server/password';
import { checkSignInRateLimit, recordSignInAttempt } from '@/lib/auth/server/sign-in-rate-limit';

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

  const limit = await checkSignInRateLimit(db, email, ip);
  if (limit.limited) return { ok: false, reason: 'rate_limited', retryAfterSeconds: limit.retryAfterSeconds };

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, disabled: true, passwordHash: true },
  });
  if (!user) {
    await burnPasswordCheck(password);
    await recordSignInAttempt(db, email, ip, false);
    return { ok: false, reason: 'invalid' };
  }
  const matches = await verifyPassword(password, user.passwordHash);
  if (!matches) await recordSignInAttempt(db, email, ip, false);
  // A disabled account answers the same for a right and a wrong password (no password oracle);
  // wrong ones still count towards the limit.
  if (user.disabled) return { ok: false, reason: 'disabled' };
  if (!matches) return { ok: false, reason: 'invalid' };
  await recordSignInAttempt(db, email, ip, true);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}
