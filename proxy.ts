import { NextResponse } from 'next/server';
import { auth } from '@/auth';
import { contentSecurityPolicy, makeNonce } from '@/lib/security/content-security-policy';

const PUBLIC_PATHS = ['/signin', '/api/auth', '/api/health'];

const isPublic = (pathname: string) => PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`));

/**
 * Sends signed-out visitors to sign-in (401 JSON for the API) and sets a per-request CSP nonce.
 * A convenience, not the security boundary: every route and page checks the user again.
 */
export const proxy = auth((req) => {
  const { pathname, search } = req.nextUrl;
  if (!req.auth?.user && !isPublic(pathname)) {
    if (pathname.startsWith('/api/')) {
      // Bearer tokens are verified by the route itself (against the database).
      if (!req.headers.get('authorization')?.startsWith('Bearer ')) {
        return NextResponse.json(
          { error: { code: 'unauthenticated', message: 'Sign in first, or send a personal API token as "Authorization: Bearer <token>".' } },
          { status: 401 },
        );
      }
      return NextResponse.next();
    }
    const signin = new URL('/signin', req.nextUrl.origin);
    signin.searchParams.set('callbackUrl', pathname + search);
    return NextResponse.redirect(signin);
  }
  if (pathname.startsWith('/api/')) return NextResponse.next();

  const nonce = makeNonce();
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === 'development' });
  const headers = new Headers(req.headers);
  headers.set('x-nonce', nonce);
  headers.set('content-security-policy', csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', csp);
  return response;
});

export const config = {
  // Everything but Next's static assets.
  matcher: ['/((?!_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico)$).*)'],
};
