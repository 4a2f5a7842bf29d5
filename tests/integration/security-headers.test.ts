// Response hardening: the nonce-based Content-Security-Policy set by the proxy, the static security
// headers from next.config.js, and the flags of the Auth.js session cookie (HttpOnly, SameSite=Lax,
// Secure + __Secure- prefix when served over HTTPS, as in production behind TLS).
import { register } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy, makeNonce } from '@/lib/security/content-security-policy';
import { SECURE_SESSION_COOKIE, SESSION_COOKIE } from '@/lib/auth/server/session-cookie';
import { sessionCookieFor } from '@/tests/support/call-route';
import { createTestUser, type TestUser } from '@/tests/support/fixtures';

/** The directives of a CSP header, by name. */
function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!.toLowerCase(), values]),
  );
}

// next-auth's ESM build imports "next/server" (no extension), which only a bundler resolves (Next.js;
// Vitest would with server.deps.inline: ['next-auth']). Node's loader needs "next/server.js": map it,
// before proxy.ts and auth.ts (which import next-auth) are loaded below.
register(
  `data:text/javascript,${encodeURIComponent('export async function resolve(s, c, next) { return next(/^next\\/[a-z-]+$/.test(s) ? `${s}.js` : s, c); }')}`,
  import.meta.url,
);
const { proxy } = await import('@/proxy');
const authRoute = await import('@/app/api/auth/[...nextauth]/route');

type Middleware = (req: NextRequest, ev: unknown) => Promise<Response | undefined>;
/** Runs the proxy on a request as `next start` hands it over (with the x-forwarded-* headers Next adds). */
function runProxy(url: string, headers: Record<string, string> = {}) {
  const u = new URL(url);
  const forwarded = { host: u.host, 'x-forwarded-host': u.host, 'x-forwarded-proto': u.protocol.replace(':', '') };
  return (proxy as unknown as Middleware)(new NextRequest(url, { headers: { ...forwarded, ...headers } }), {});
}

describe('Content-Security-Policy', () => {
  it('allows scripts only with the nonce: no unsafe-inline, no unsafe-eval in production, no framing', () => {
    const nonce = makeNonce();
    const csp = directives(contentSecurityPolicy(nonce));
    const script = csp.get('script-src')!;
    expect(script).toContain(`'nonce-${nonce}'`);
    expect(script).not.toContain("'unsafe-inline'");
    expect(script).not.toContain("'unsafe-eval'");
    expect(script).not.toContain('*');
    expect(script.some((s) => /^(https?:|data:|blob:)$/.test(s))).toBe(false);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'self'"]);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('form-action')).toEqual(["'self'"]);
    // Development adds only eval (React's dev tooling), never inline scripts.
    expect(directives(contentSecurityPolicy(nonce, { dev: true })).get('script-src')).not.toContain("'unsafe-inline'");
  });

  it('makes a fresh 128-bit nonce every time', () => {
    const nonces = new Set(Array.from({ length: 100 }, makeNonce));
    expect(nonces.size).toBe(100);
    for (const n of nonces) expect(Buffer.from(n, 'base64')).toHaveLength(16);
  });

  describe('set by the proxy on pages', () => {
    let user: TestUser;
    beforeAll(async () => {
      user = await createTestUser();
    });

    it('sends the CSP with a per-request nonce that Next also receives (to stamp its own scripts)', async () => {
      const seen = new Set<string>();
      for (let i = 0; i < 3; i++) {
        const res = (await runProxy('http://localhost:3000/signin'))!;
        const header = res.headers.get('content-security-policy');
        expect(header).toBeTruthy();
        const nonce = /'nonce-([^']+)'/.exec(header!)?.[1];
        expect(nonce).toBeTruthy();
        expect(directives(header!).get('script-src')).not.toContain("'unsafe-inline'");
        // NextResponse.next({ request: { headers } }) forwards overridden request headers this way.
        expect(res.headers.get('x-middleware-request-x-nonce')).toBe(nonce);
        expect(res.headers.get('x-middleware-request-content-security-policy')).toBe(header);
        seen.add(nonce!);
      }
      expect(seen.size).toBe(3);
    });

    it('also on a signed-in page; signed-out visitors are sent to sign in', async () => {
      const cookie = await sessionCookieFor(user.id);
      const page = (await runProxy('http://localhost:3000/articles/anything', { cookie }))!;
      expect(page.headers.get('content-security-policy') ?? `no CSP: ${page.status} ${page.headers.get('location')}`).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
      const anonymous = (await runProxy('http://localhost:3000/articles/anything'))!;
      expect([302, 303, 307]).toContain(anonymous.status);
      expect(new URL(anonymous.headers.get('location')!).pathname).toBe('/signin');
      const api = (await runProxy('http://localhost:3000/api/articles'))!;
      expect(api.status).toBe(401);
    });

    it('passes an API call with a personal token on to its route (which checks the token), with its request id, session or not', async () => {
      const cookie = await sessionCookieFor(user.id);
      const withToken: Array<Record<string, string>> = [{ authorization: 'Bearer cdk_not-checked-here' }, { authorization: 'Bearer cdk_not-checked-here', cookie }];
      for (const headers of withToken) {
        const res = (await runProxy('http://localhost:3000/api/articles', headers))!;
        expect(res.status).toBe(200);
        expect(res.headers.get('x-middleware-next')).toBe('1');
        const id = res.headers.get('x-request-id');
        expect(id).toMatch(/^[\w-]{8,}$/);
        expect(res.headers.get('x-middleware-request-x-request-id')).toBe(id);
        expect(res.headers.get('content-security-policy')).toBeNull();
      }
      // "Bearer" must be the scheme: anything else without a session is still refused here.
      expect((await runProxy('http://localhost:3000/api/articles', { authorization: 'Basic abc' }))!.status).toBe(401);
    });
  });
});

describe('static security headers (next.config.js)', () => {
  it('sends nosniff, a referrer policy and no framing on every path, and no X-Powered-By', async () => {
    const config = ((await import(pathToFileURL(join(process.cwd(), 'next.config.js')).href)) as { default: { headers(): Promise<Array<{ source: string; headers: Array<{ key: string; value: string }> }>>; poweredByHeader?: boolean } }).default;
    const rules = await config.headers();
    const all = rules.find((r) => r.source === '/:path*');
    expect(all, 'a rule for every path').toBeDefined();
    const headers = new Map(all!.headers.map((h) => [h.key.toLowerCase(), h.value]));
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(['no-referrer', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin']).toContain(headers.get('referrer-policy'));
    expect(headers.get('x-frame-options')).toBe('DENY');
    expect(config.poweredByHeader).toBe(false);
  });
});

describe('session cookie', () => {
  let user: TestUser;
  beforeAll(async () => {
    user = await createTestUser();
  });

  /** Signs in through Auth.js' own handlers (CSRF token, then the credentials callback) at `origin`. */
  async function signIn(origin: string): Promise<string[]> {
    const u = new URL(origin);
    const forwarded = { host: u.host, 'x-forwarded-host': u.host, 'x-forwarded-proto': u.protocol.replace(':', '') };
    const csrfRes = await authRoute.GET(new NextRequest(`${origin}/api/auth/csrf`, { headers: forwarded }));
    const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
    const csrfCookie = csrfRes.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const res = await authRoute.POST(
      new NextRequest(`${origin}/api/auth/callback/credentials`, {
        method: 'POST',
        headers: { ...forwarded, 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie, origin },
        body: new URLSearchParams({ email: user.email, password: user.password, csrfToken, callbackUrl: `${origin}/` }).toString(),
      }),
    );
    expect([200, 302, 303]).toContain(res.status);
    return res.headers.getSetCookie();
  }

  const attributes = (cookie: string) => cookie.split(';').slice(1).map((a) => a.trim().toLowerCase());

  it('is HttpOnly and SameSite=Lax', async () => {
    const cookies = await signIn('http://localhost:3000');
    const session = cookies.find((c) => c.startsWith(`${SESSION_COOKIE}=`));
    expect(session, cookies.join('\n')).toBeDefined();
    const attrs = attributes(session!);
    expect(attrs).toContain('httponly');
    expect(attrs).toContain('samesite=lax');
    expect(attrs).toContain('path=/');
  });

  it('is Secure with the __Secure- prefix over HTTPS (production)', async () => {
    const cookies = await signIn('https://claimdesk.example');
    const session = cookies.find((c) => c.startsWith(`${SECURE_SESSION_COOKIE}=`));
    expect(session, cookies.join('\n')).toBeDefined();
    const attrs = attributes(session!);
    expect(attrs).toContain('secure');
    expect(attrs).toContain('httponly');
    expect(attrs).toContain('samesite=lax');
    for (const c of cookies) expect(attributes(c), c.split('=')[0]).toContain('secure');
  });
});
