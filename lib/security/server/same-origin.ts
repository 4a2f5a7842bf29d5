import 'server-only';
import { fromTrustedProxy } from '@/lib/security/server/client-address';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The origin the app is served from, as `scheme://host[:port]`: the configured public URL (`AUTH_URL`,
 * which Auth.js reads too) when set; otherwise the request's `Host` over http, or what a trusted proxy
 * says in `X-Forwarded-Proto` / `X-Forwarded-Host` (from anyone else those headers are ignored).
 */
export function expectedOrigin(headers: Headers): string | null {
  const configured = process.env.AUTH_URL?.trim();
  if (configured) {
    try {
      return new URL(configured).origin;
    } catch {
      throw new Error(`AUTH_URL is not a URL: ${configured}`);
    }
  }
  const proxied = fromTrustedProxy(headers);
  const host = (proxied ? first(headers.get('x-forwarded-host')) : null) ?? headers.get('host');
  const proto = (proxied ? first(headers.get('x-forwarded-proto')) : null) ?? 'http';
  if (!host || (proto !== 'http' && proto !== 'https')) return null;
  try {
    return new URL(`${proto}://${host}`).origin;
  } catch {
    return null;
  }
}

function first(value: string | null): string | null {
  return value?.split(',')[0]?.trim() || null;
}

/**
 * CSRF defence for cookie-authenticated writes: the browser must tell us the request came from our own
 * origin. `Origin` is compared whole — scheme, host and port — against `expectedOrigin`, so neither an
 * `https://` page for an `http://` app nor another port passes; without it, `Sec-Fetch-Site` must say
 * same-origin. Bearer-token requests carry no ambient credentials and skip this.
 */
export function isSameOriginWrite(req: Request): boolean {
  if (SAFE_METHODS.has(req.method)) return true;
  const fetchSite = req.headers.get('sec-fetch-site');
  if (fetchSite && fetchSite !== 'same-origin') return false;
  const origin = req.headers.get('origin');
  if (!origin) return fetchSite === 'same-origin';
  const expected = expectedOrigin(req.headers);
  if (!expected) return false;
  try {
    return new URL(origin).origin === expected;
  } catch {
    return false;
  }
}
