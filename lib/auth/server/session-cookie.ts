import 'server-only';
import { getToken } from 'next-auth/jwt';
import { SESSION_MAX_LIFETIME_S } from '@/lib/auth/session-policy';

export const SESSION_COOKIE = 'authjs.session-token';
export const SECURE_SESSION_COOKIE = '__Secure-authjs.session-token';

export function authSecret(): string {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error('AUTH_SECRET is not set (npm run dev/start create one in .data/auth-secret).');
  return secret;
}

/** What a session cookie asserts: who, under which session version, signed in when. */
export type SessionClaims = { userId: string; version: number; signedInAt: Date };

/**
 * The claims of the Auth.js session cookie of a request, verified and decrypted, or null. A cookie
 * without a sign-in time or older than SESSION_MAX_LIFETIME_S is no session, however recently it was
 * re-issued. Reads the request's own headers, so it works in route handlers, server components and tests alike.
 */
export async function sessionClaims(headers: Headers, now = Date.now()): Promise<SessionClaims | null> {
  const cookie = headers.get('cookie') ?? '';
  const secure = cookie.includes(`${SECURE_SESSION_COOKIE}=`);
  if (!secure && !cookie.includes(`${SESSION_COOKIE}=`)) return null;
  const token = await getToken({ req: { headers }, secret: authSecret(), secureCookie: secure, salt: secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE });
  if (!token || typeof token.sub !== 'string' || typeof token.sv !== 'number' || typeof token.authTime !== 'number') return null;
  if (!sessionStillLive(token.authTime, now)) return null;
  return { userId: token.sub, version: token.sv, signedInAt: new Date(token.authTime * 1000) };
}

/** `authTime` in seconds since the epoch, as stored in the token. */
export function sessionStillLive(authTime: number, now = Date.now()): boolean {
  return now / 1000 - authTime < SESSION_MAX_LIFETIME_S && authTime * 1000 <= now + 60_000;
}
