import { encode } from 'next-auth/jwt';
import { SESSION_COOKIE } from '@/lib/auth/server/session-cookie';
import { getDb } from '@/lib/db/server/prisma';

type RouteHandler<P> = (req: Request, ctx: { params: Promise<P> }) => Promise<Response>;

export type CallOptions = {
  method?: string;
  token?: string;
  cookie?: string;
  headers?: Record<string, string>;
  json?: unknown;
  body?: BodyInit;
  /** A multipart/form-data body (the Request sets the boundary). */
  form?: FormData;
  query?: Record<string, string>;
};

/** Calls a Next route handler in-process with a real Request, as Next would. */
export async function callRoute<P>(handler: RouteHandler<P>, path: string, options: CallOptions & { params?: P } = {}) {
  const url = new URL(path, 'http://localhost:3000');
  for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, v);
  const headers: Record<string, string> = { host: 'localhost:3000', ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.cookie) headers.cookie = options.cookie;
  let body = options.form ?? options.body;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers['content-type'] = 'application/json';
  }
  const init: RequestInit & { duplex?: 'half' } = { method: options.method ?? 'GET', headers, body };
  // A streamed body needs half-duplex in Node's fetch.
  if (body instanceof ReadableStream) init.duplex = 'half';
  const response = await handler(new Request(url, init), {
    // Routes without dynamic segments get {} as Next passes them.
    params: Promise.resolve((options.params ?? {}) as P),
  });
  const text = await response.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = text;
  }
  return { status: response.status, headers: response.headers, data: data as Record<string, unknown> & { error?: { code: string; message: string; details?: unknown } }, text };
}

/**
 * A real Auth.js session cookie for a user, for testing the browser (cookie) path: as auth.ts issues it
 * at sign-in (the user's current session version, signed in now) unless `signedInAt`/`version` say otherwise.
 */
export async function sessionCookieFor(userId: string, options: { signedInAt?: Date; version?: number } = {}): Promise<string> {
  const version = options.version ?? (await getDb().user.findUniqueOrThrow({ where: { id: userId }, select: { sessionVersion: true } })).sessionVersion;
  const authTime = Math.floor((options.signedInAt ?? new Date()).getTime() / 1000);
  const token = await encode({ token: { sub: userId, sv: version, authTime }, secret: process.env.AUTH_SECRET!, salt: SESSION_COOKIE });
  return `${SESSION_COOKIE}=${token}`;
}
