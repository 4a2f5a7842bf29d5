// How a route appears in the OpenAPI document (/api/openapi.json, built by lib/api/server/openapi.ts
// from the zod schemas). Each domain keeps its routes' entries next to their request schemas:
//   export const annotationRouteDocs = routeDocs({
//     'POST /api/articles/{id}/annotations': { summary: 'Create an annotation', body: createAnnotationSchema },
//   });
// and lib/api/server/openapi.ts lists each such object once (DEVELOPERS.md "Documenting a route").
import type { z } from 'zod';

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];
/** `METHOD /api/path/{param}`: the route's file path under app/, with [param] written {param}. */
export type RouteKey = `${HttpMethod} /api/${string}`;

export type RouteDoc = {
  summary: string;
  description?: string;
  /** The JSON request body (the schema the route reads with readJson). */
  body?: z.ZodType;
  /** The route also takes multipart/form-data: these fields plus a `file`. */
  multipart?: z.ZodType;
  /** The query string (the schema the route reads with readQuery). */
  query?: z.ZodType;
  /** Answers without credentials. */
  public?: true;
  /** The success answer: status (200 by default), what it is, and its media type when not JSON. */
  ok?: { status?: number; description: string; contentType?: string };
};

export type RouteDocs = Partial<Record<RouteKey, RouteDoc>>;

/** Type-checks a table of route docs (keys must look like `GET /api/...`). */
export function routeDocs<const T extends RouteDocs>(docs: T): T {
  return docs;
}
