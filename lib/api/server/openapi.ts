import 'server-only';
import { z } from 'zod';
import { agreementRouteDocs } from '@/lib/agreement/agreement-schemas';
import { annotationRouteDocs } from '@/lib/annotations/annotation-schemas';
import { tokenRouteDocs } from '@/lib/auth/token-schemas';
import { articleRouteDocs } from '@/lib/articles/article-schemas';
import { assignmentRouteDocs } from '@/lib/assignments/assignment-schemas';
import { curationRouteDocs } from '@/lib/curation/curation-schemas';
import { HTTP_METHODS, routeDocs, type HttpMethod, type RouteDoc, type RouteDocs } from '@/lib/api/route-docs';
import { matchingRouteDocs } from '@/lib/matching/matching-schemas';
import { provenanceRouteDocs } from '@/lib/provenance/evidence-schemas';
import { reviewRouteDocs } from '@/lib/review/review-schemas';
import { suggestRouteDocs } from '@/lib/suggest/suggest-schemas';
import { tagRouteDocs } from '@/lib/tags/tag-schemas';
import { userRouteDocs } from '@/lib/users/user-schemas';

// Routes without a request schema of their own domain.
const platformRouteDocs = routeDocs({
  'GET /api/health': { summary: 'Readiness: the database answers and every migration is applied (503 names what failed)', public: true },
  'GET /api/openapi.json': { summary: 'This document' },
  'GET /api/auth/{nextauth}': { summary: 'Auth.js (session, CSRF token, providers, sign-in page)', public: true },
  'POST /api/auth/{nextauth}': { summary: 'Auth.js (sign in with email and password, sign out)', public: true },
  'GET /api/notifications': { summary: 'My notifications' },
  'POST /api/notifications': { summary: 'Mark every notification as seen' },
});

/**
 * Every documented route. A new route: add its entry to its domain's `…RouteDocs` (next to the
 * request schema), or a new table here; tests/integration/openapi.test.ts compares this with app/api.
 */
export const ROUTE_DOCS: RouteDocs = {
  ...platformRouteDocs,
  ...articleRouteDocs,
  ...assignmentRouteDocs,
  ...curationRouteDocs,
  ...annotationRouteDocs,
  ...matchingRouteDocs,
  ...reviewRouteDocs,
  ...agreementRouteDocs,
  ...provenanceRouteDocs,
  ...suggestRouteDocs,
  ...tagRouteDocs,
  ...userRouteDocs,
  ...tokenRouteDocs,
};

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType): JsonSchema {
  // Requests are documented as clients send them (before defaults and transforms). Refinements a
  // JSON Schema cannot say (a quote must match the text) are the route's 400 messages.
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
  return rest;
}

function queryParameters(schema: z.ZodType): JsonSchema[] {
  const object = jsonSchema(schema) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(object.properties ?? {}).map(([name, property]) => ({ name, in: 'query', required: object.required?.includes(name) ?? false, schema: property }));
}

const ERROR_RESPONSE = { description: 'Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };

function operation(method: HttpMethod, path: string, doc: RouteDoc): JsonSchema {
  const params = [...path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
  const parameters = [...params, ...(doc.query ? queryParameters(doc.query) : [])];
  const content: Record<string, unknown> = {};
  if (doc.body) content['application/json'] = { schema: jsonSchema(doc.body) };
  if (doc.multipart) {
    const fields = jsonSchema(doc.multipart) as { properties?: Record<string, unknown> };
    content['multipart/form-data'] = { schema: { type: 'object', properties: { ...fields.properties, file: { type: 'string', format: 'binary' } }, required: ['file'] } };
  }
  const status = String(doc.ok?.status ?? 200);
  const ok: JsonSchema = { description: doc.ok?.description ?? 'OK' };
  if (status !== '204') ok.content = { [doc.ok?.contentType ?? 'application/json']: { schema: doc.ok?.contentType ? { type: 'string' } : { type: 'object' } } };
  const responses: Record<string, unknown> = { [status]: ok, 400: ERROR_RESPONSE, ...(doc.public ? {} : { 401: ERROR_RESPONSE, 403: ERROR_RESPONSE }), 404: ERROR_RESPONSE };
  if (path === '/api/health') responses[503] = { description: 'The database does not answer, or a migration is pending', content: { 'application/json': { schema: { type: 'object' } } } };
  return {
    operationId: `${method.toLowerCase()}${path.replace(/^\/api/, '').replace(/\{(\w+)\}/g, 'By-$1').replace(/[^A-Za-z0-9]+(\w)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
    summary: doc.summary,
    ...(doc.description ? { description: doc.description } : {}),
    tags: [path.split('/')[2]],
    ...(doc.public ? { security: [] } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(Object.keys(content).length ? { requestBody: { required: true, content } } : {}),
    responses,
  };
}

/** The OpenAPI 3.1 document of the JSON API (served at /api/openapi.json). */
export function openApiDocument(docs: RouteDocs = ROUTE_DOCS): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [key, doc] of Object.entries(docs).sort(([a], [b]) => a.split(' ')[1]!.localeCompare(b.split(' ')[1]!))) {
    const [method, path] = key.split(' ') as [HttpMethod, string];
    if (!HTTP_METHODS.includes(method) || !doc) continue;
    (paths[path] ??= {})[method.toLowerCase()] = operation(method, path, doc);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Claimdesk API',
      version: '1',
      description: 'The JSON API the web UI and scripts share. The human contract, with the response shapes, is docs/API.md.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    security: [{ bearerToken: [] }, { sessionCookie: [] }],
    paths,
    components: {
      securitySchemes: {
        bearerToken: { type: 'http', scheme: 'bearer', description: 'A personal API token (Settings page, or `npm run user -- token`)' },
        sessionCookie: { type: 'apiKey', in: 'cookie', name: 'authjs.session-token', description: "The browser's Auth.js session (writes must come from the app's own origin)" },
      },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} } } },
        },
      },
    },
  };
}
