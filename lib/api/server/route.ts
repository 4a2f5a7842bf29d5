import 'server-only';
import { AppError, unauthenticated } from '@/lib/api/app-error';
import { errorResponse } from '@/lib/api/respond';
import { isSameOriginWrite } from '@/lib/api/same-origin';
import type { Actor } from '@/lib/core/actor';
import { currentActor } from '@/lib/auth/server/current-actor';

type RouteContext<P> = { params: Promise<P> };
export type Handler<P> = (req: Request, ctx: { actor: Actor; params: P }) => Promise<Response>;

/**
 * Wraps a route handler: resolves the actor (401 when none), applies the same-origin check to
 * cookie-authenticated writes, and turns thrown errors into the API's JSON error shape.
 * Every /api route except Auth.js's own is built with this (tests/integration/route-inventory checks).
 */
export function authedRoute<P = Record<string, never>>(handler: Handler<P>) {
  return async (req: Request, ctx: RouteContext<P>): Promise<Response> => {
    try {
      const current = await currentActor(req.headers);
      if (!current) throw unauthenticated();
      if (current.source === 'session' && !isSameOriginWrite(req)) {
        throw new AppError('forbidden', 'Cross-site request refused: send writes from the Claimdesk app or with an API token.');
      }
      const params = ctx?.params ? await ctx.params : ({} as P);
      return await handler(req, { actor: current.actor, params });
    } catch (error) {
      return errorResponse(error);
    }
  };
}
