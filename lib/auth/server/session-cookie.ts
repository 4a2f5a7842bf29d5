import 'server-only';
import { getToken } from 'next-auth/jwt';

export const SESSION_COOKIE = 'authjs.session-token';
export const SECURE_SESSION_COOKIE = '__Secure-authjs.session-token';

export function authSecret(): string {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error('AUTH_SECRET is not set (npm run dev/start create one in .data/auth-secret).');
  return secret;
}

/**
 * The user id in the Auth.js session cookie of a request, verified and decrypted. Reads the
 * request's own headers, so it works in route handlers, server components and tests alike.
 */
export async function sessionUserId(headers: Headers): Promise<string | null> {
  const cookie = headers.get('cookie') ?? '';
  const secure = cookie.includes(`${SECURE_SESSION_COOKIE}=`);
  if (!secure && !cookie.includes(`${SESSION_COOKIE}=`)) return null;
  const token = await getToken({ req: { headers }, secret: authSecret(), secureCookie: secure, salt: secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE });
  return typeof token?.sub === 'string' ? token.sub : null;
}
