import 'server-only';
import { AppError, unauthenticated } from '@/lib/api/app-error';
import { errorResponse } from '@/lib/api/respond';
import { isSameOriginWrite } from '@/lib/security/server/same-origin';
import { findUnstorable, isValidId, MAX_ID_LENGTH } from '@/lib/api/text-field';
import type { Actor } from '@/lib/core/actor';
import { currentActor, type Credential } from '@/lib/auth/server/current-actor';
import { REQUEST_ID_HEADER, requestIdFrom } from '@/lib/log/request-id';
import { logRequest } from '@/lib/log/server/request-log';

type RouteContext<P> = { params: Promise<P> };
export type Handler<P> = (req: Request, ctx: { actor: Actor; params: P; credential: Credential }) => Promise<Response>;

/**
 * Wraps a route handler: resolves the actor (401 when none), applies the same-origin check to
 * cookie-authenticated writes, and turns thrown errors into the API's JSON error shape. Each request
 * is logged once (lib/log/server/request-log.ts) and answered with its `X-Request-Id`.
 * Every /api route except Auth.js's own is built with this (tests/integration/route-inventory checks).
 */
export function authedRoute<P = Record<string, never>>(handler: Handler<P>) {
  return async (req: Request, ctx: RouteContext<P>): Promise<Response> => {
    const startedAt = performance.now();
    const requestId = requestIdFrom(req.headers);
    let userId: string | null = null;
    let response: Response;
    let failure: unknown;
    try {
      const current = await currentActor(req.headers);
      if (!current) throw unauthenticated();
      userId = current.actor.id;
      if (current.source === 'session' && !isSameOriginWrite(req)) {
        throw new AppError('forbidden', 'Cross-site request refused: send writes from the Claimdesk app or with an API token.');
      }
      const params = ctx?.params ? await ctx.params : ({} as P);
      checkParams(params);
      checkQuery(req);
      const { actor, ...credential } = current;
      response = await handler(req, { actor, params, credential });
    } catch (error) {
      failure = error;
      response = errorResponse(error);
    }
    response = withHeader(response, REQUEST_ID_HEADER, requestId);
    logRequest({ requestId, method: req.method, url: req.url, status: response.status, startedAt, userId, error: failure });
    return response;
  };
}

/** Sets a header, copying the response when its headers are immutable (a redirect, a fetched body). */
export function withHeader(response: Response, name: string, value: string): Response {
  try {
    response.headers.set(name, value);
    return response;
  } catch {
    const copy = new Response(response.body, response);
    copy.headers.set(name, value);
    return copy;
  }
}

/** Path ids are checked before any query: `%00` or a 10 kB "id" is a 400, never a database error. */
function checkParams(params: unknown): void {
  if (typeof params !== 'object' || params === null) return;
  for (const [name, value] of Object.entries(params)) {
    const values: unknown[] = Array.isArray(value) ? value : [value];
    if (values.every((v) => typeof v === 'string' && isValidId(v))) continue;
    throw new AppError('validation_failed', `The ${name} in the URL is not a valid id (letters, digits, "-" and "_", at most ${MAX_ID_LENGTH} characters).`, [
      { path: name, message: 'not a valid id' },
    ]);
  }
}

/** No query value with a NUL or a broken character reaches a route, whether it reads the query through a schema or not. */
function checkQuery(req: Request): void {
  for (const [name, value] of new URL(req.url).searchParams) {
    const bad = findUnstorable(value, name) ?? findUnstorable(name, 'a query parameter name');
    if (bad) throw new AppError('validation_failed', `Query parameter ${bad.message}.`, [bad]);
  }
}
