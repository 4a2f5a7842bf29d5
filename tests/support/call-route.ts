import { encode } from 'next-auth/jwt';
import type { ApiErrorBody } from '@/lib/client/api-fetch';
import { SESSION_COOKIE } from '@/lib/auth/server/session-cookie';
import { getDb } from '@/lib/db/server/prisma';

/**
 * Any route handler: Next passes `{ params }`, a promise of the path's segments. (A handler's own
 * params type is narrower; a promise of `never` fits every one of them.)
 */
type RouteHandler = (req: Request, ctx: { params: Promise<never> }) => Promise<Response>;

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
  /** The dynamic segments, as Next passes them (routes without any get {}). */
  params?: Record<string, string | string[]>;
};

/**
 * A route's answer. `data` is the parsed JSON typed as the success body `T` (name the route's DTO:
 * `callRoute<{ annotation: AnnotationDto }>(…)`), plus the error body every route sends on a 4xx/5xx:
 * a test checks `status` first, then reads the side it expects.
 */
export type RouteResult<T> = { status: number; headers: Headers; data: T & Partial<ApiErrorBody>; text: string };

function request(path: string, options: CallOptions): [Request, { params: Promise<never> }] {
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
  return [new Request(url, init), { params: Promise.resolve(options.params ?? {}) as Promise<never> }];
}

/** Calls a Next route handler in-process with a real Request, as Next would. */
export async function callRoute<T = Record<string, unknown>>(handler: RouteHandler, path: string, options: CallOptions = {}): Promise<RouteResult<T>> {
  const response = await handler(...request(path, options));
  const text = await response.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = text;
  }
  // The one place a body is trusted to be the shape its route declares; the tests check it.
  return { status: response.status, headers: response.headers, data: data as T & Partial<ApiErrorBody>, text };
}

/** Calls a route handler and keeps the raw bytes (exports: PDF, DOCX, ZIP). */
export async function callRouteRaw(handler: RouteHandler, path: string, options: CallOptions = {}) {
  const response = await handler(...request(path, options));
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
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
