import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

// Routes that are public on purpose. Anything else under app/api must answer 401 without credentials.
const PUBLIC_ROUTES = new Set(['app/api/auth/[...nextauth]/route.ts', 'app/api/health/route.ts']);
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return name === 'route.ts' ? [full] : [];
  });
}

const root = process.cwd();
const files = routeFiles(join(root, 'app/api')).map((f) => relative(root, f).split(sep).join('/'));

describe('route inventory: every API route refuses anonymous callers', () => {
  it('finds the API routes', () => {
    expect(files.length).toBeGreaterThan(8);
    expect(files).toContain('app/api/articles/route.ts');
  });

  for (const file of files.filter((f) => !PUBLIC_ROUTES.has(f))) {
    it(`${file} → 401 for every method, with and without a bogus token`, async () => {
      const mod = (await import(pathToFileURL(join(root, file)).href)) as Record<string, unknown>;
      const exported = METHODS.filter((m) => typeof mod[m] === 'function');
      expect(exported.length, `${file} exports no HTTP method`).toBeGreaterThan(0);
      const path = '/' + file.replace(/^app\//, '').replace(/\/route\.ts$/, '').replace(/\[\.{0,3}(\w+)\]/g, 'x');
      for (const method of exported) {
        const handler = mod[method] as (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
        const params = new Proxy({}, { get: (_t, key) => (typeof key === 'string' ? 'x' : undefined) });
        for (const headers of [{}, { authorization: 'Bearer cdk_bogus' }] as Array<Record<string, string>>) {
          const body = method === 'GET' || method === 'DELETE' ? undefined : '{}';
          const res = await handler(new Request(`http://localhost${path}`, { method, headers: { ...headers, 'content-type': 'application/json' }, body }), {
            params: Promise.resolve(params),
          });
          expect(res.status, `${method} ${path} with ${JSON.stringify(headers)}`).toBe(401);
          const json = (await res.json()) as { error?: { code?: string } };
          expect(json.error?.code).toBe('unauthenticated');
        }
      }
    });
  }
});
