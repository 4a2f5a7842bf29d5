// /api/openapi.json is generated from the routes' zod schemas (lib/api/server/openapi.ts). It must
// list every route app/api serves (the same inventory as route-inventory.test.ts) and nothing else.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET } from '@/app/api/openapi.json/route';
import { HTTP_METHODS } from '@/lib/api/route-docs';
import { ROUTE_DOCS } from '@/lib/api/server/openapi';
import { callRoute } from '@/tests/support/call-route';
import { createTestUser } from '@/tests/support/fixtures';

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return name === 'route.ts' ? [full] : [];
  });
}

const root = process.cwd();
/**
 * `app/api/articles/[id]/route.ts` exporting GET → `GET /api/articles/{id}` (and its file). Read from the
 * source (`export const GET`, `export async function GET`, `export const { GET, POST } = …`): importing
 * Auth.js's route outside Next fails, and route-inventory.test.ts already imports the others.
 */
function inventory(): Map<string, string> {
  const routes = new Map<string, string>();
  for (const file of routeFiles(join(root, 'app/api')).map((f) => relative(root, f).split(sep).join('/'))) {
    const source = readFileSync(join(root, file), 'utf8');
    const exported = new Set<string>();
    for (const m of source.matchAll(/^export\s+(?:const|async function|function)\s+(\w+)/gm)) exported.add(m[1]!);
    for (const m of source.matchAll(/^export\s+const\s+\{([^}]+)\}/gm)) for (const name of m[1]!.split(',')) exported.add(name.trim());
    const path = '/' + file.replace(/^app\//, '').replace(/\/route\.ts$/, '').replace(/\[\.{0,3}(\w+)\]/g, '{$1}');
    for (const method of HTTP_METHODS) if (exported.has(method)) routes.set(`${method} ${path}`, file);
  }
  return routes;
}

type Doc = { openapi: string; paths: Record<string, Record<string, { operationId: string; requestBody?: { content: Record<string, { schema: unknown }> }; parameters?: Array<{ name: string; in: string }> }>> };
let doc: Doc;
let routes: Map<string, string>;
beforeAll(async () => {
  routes = inventory();
  const user = await createTestUser('ANALYST');
  const res = await callRoute<Doc>(GET, '/api/openapi.json', { token: user.token });
  expect(res.status).toBe(200);
  doc = res.data;
});

describe('GET /api/openapi.json', () => {
  it('is an OpenAPI 3.1 document', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(routes.size).toBeGreaterThan(40);
  });

  it('documents every route in app/api', () => {
    const missing = [...routes]
      .filter(([key]) => {
        const [method, path] = key.split(' ');
        return !doc.paths[path!]?.[method!.toLowerCase()];
      })
      .map(
        ([key, file]) =>
          `${key} (${file}) is not in the OpenAPI document: add \`'${key}': { summary: '…', body: <its request schema>, query: <its query schema> }\` ` +
          "to its domain's …RouteDocs next to the schema (lib/<domain>/<domain>-schemas.ts), or to platformRouteDocs in lib/api/server/openapi.ts " +
          'when it reads no schema (DEVELOPERS.md "Documenting a route")',
      );
    expect(missing).toEqual([]);
  });

  it('documents no route that does not exist', () => {
    const stale = Object.keys(ROUTE_DOCS)
      .filter((key) => !routes.has(key))
      .map((key) => `${key} is documented, but no app/api/**/route.ts exports it: fix the path (route files' [param] is written {param}) or remove the entry`);
    expect(stale).toEqual([]);
  });

  it("documents request bodies and queries from the routes' zod schemas, as valid JSON Schema", () => {
    const create = doc.paths['/api/articles/{id}/annotations']!.post!;
    const body = create.requestBody!.content['application/json']!.schema as { properties: Record<string, unknown>; required: string[]; additionalProperties: boolean };
    expect(Object.keys(body.properties)).toEqual(expect.arrayContaining(['start', 'end', 'exact', 'tag', 'note', 'versionId']));
    expect(body.required).toEqual(expect.arrayContaining(['start', 'end', 'exact', 'tag']));
    expect(body.additionalProperties).toBe(false);
    expect(doc.paths['/api/articles']!.post!.requestBody!.content['multipart/form-data']).toBeDefined();
    expect(doc.paths['/api/annotations/{id}/matches']!.get!.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'limit', in: 'query' }), expect.objectContaining({ name: 'id', in: 'path' })]));
    const ajv = new Ajv2020({ strict: false });
    const ids = new Set<string>();
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(operations)) {
        expect(ids.has(op.operationId), `${method} ${path}: duplicate operationId ${op.operationId}`).toBe(false);
        ids.add(op.operationId);
        for (const media of Object.values(op.requestBody?.content ?? {})) expect(() => ajv.compile(media.schema as object), `${method} ${path}`).not.toThrow();
      }
    }
  });
});
