// The container files cannot be built here (no container runtime), so they are kept honest by reading
// them: compose.yaml parses and names exactly lib/env.ts's variables, nginx sends traffic to the app
// services compose defines, the Dockerfile is multi-stage, runs as a non-root user with Debian's
// Chromium and a HEALTHCHECK, and its commands are the ones the README's Deploy section documents.
// (scripts/check-production-install.mjs runs the Dockerfile's CMD on a production install.)
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ENV_NAMES } from '@/lib/env';

const root = process.cwd();
const read = (file: string) => readFileSync(join(root, file), 'utf8');

type Service = { image?: string; build?: unknown; environment?: Record<string, string>; volumes?: string[]; depends_on?: Record<string, unknown> };
const compose = parse(read('compose.yaml'), { merge: true }) as { services: Record<string, Service> };
const appServices = Object.entries(compose.services).filter(([, s]) => s.build !== undefined);
const dockerfile = read('Dockerfile');
const readme = read('README.md');
const deploySection = readme.slice(readme.indexOf('\n## Deploy'), readme.indexOf('\n## ', readme.indexOf('\n## Deploy') + 5));
/** Set in the image, not per deployment: the Dockerfile fixes NODE_ENV; HOST stays unset (all interfaces). */
const NOT_IN_COMPOSE = new Set(['NODE_ENV', 'HOST']);

/** The final stage of the Dockerfile, with continuation lines joined. */
function finalStage(): string[] {
  const lines = dockerfile.replace(/\\\n/g, ' ').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  const lastFrom = lines.map((l) => /^FROM /i.test(l)).lastIndexOf(true);
  return lines.slice(lastFrom);
}

describe('compose.yaml', () => {
  it('has PostgreSQL 16 or newer, two app instances built from the Dockerfile, and a reverse proxy', () => {
    const db = Object.values(compose.services).find((s) => s.image?.startsWith('postgres:'));
    expect(db, 'a service with a postgres:<version> image').toBeDefined();
    expect(Number(/^postgres:(\d+)/.exec(db!.image!)?.[1])).toBeGreaterThanOrEqual(16);
    expect(appServices.map(([name]) => name)).toHaveLength(2);
    const proxy = Object.values(compose.services).find((s) => s.image?.startsWith('nginx'));
    expect(proxy?.volumes?.some((v) => v.startsWith('./deploy/nginx.conf:'))).toBe(true);
    expect(Object.keys(proxy?.depends_on ?? {}).sort()).toEqual(appServices.map(([name]) => name).sort());
  });

  it('gives the app exactly the variables lib/env.ts reads', () => {
    for (const [name, service] of appServices) {
      const keys = Object.keys(service.environment ?? {});
      const unknown = keys.filter((k) => !(ENV_NAMES as string[]).includes(k));
      const missing = ENV_NAMES.filter((k) => !NOT_IN_COMPOSE.has(k) && !keys.includes(k));
      expect(unknown, `${name} sets variables lib/env.ts does not know: add them to envSchema or remove them`).toEqual([]);
      expect(missing, `${name} does not set these lib/env.ts variables: add them to x-app.environment in compose.yaml`).toEqual([]);
      expect(service.environment!.DATABASE_URL).toMatch(/^postgresql:\/\/\w+:\$\{POSTGRES_PASSWORD:\?[^}]+\}@db:5432\/\w+$/);
      // Required, never defaulted: compose refuses to start without it.
      expect(service.environment!.AUTH_SECRET).toMatch(/^\$\{AUTH_SECRET:\?/);
    }
  });

  it('nginx balances over exactly the app services, on the port they listen on', () => {
    const nginx = read('deploy/nginx.conf');
    const upstream = [...nginx.matchAll(/^\s*server\s+([\w-]+):(\d+)/gm)].map((m) => `${m[1]}:${m[2]}`);
    expect(upstream.sort()).toEqual(appServices.map(([name, s]) => `${name}:${s.environment!.PORT}`).sort());
    // Live events must not be buffered by the proxy.
    expect(nginx).toMatch(/location ~ \^\/api\/articles\/\[\^\/\]\+\/events\$ \{[^}]*proxy_buffering off;/);
  });
});

describe('Dockerfile', () => {
  it('is multi-stage and runs as a non-root user', () => {
    expect(dockerfile.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(2);
    const user = finalStage().find((l) => /^USER /.test(l));
    expect(user, 'the final stage needs a USER').toBeDefined();
    expect(user).not.toMatch(/^USER (root|0)\b/);
    expect(finalStage().indexOf(user!)).toBeLessThan(finalStage().findIndex((l) => /^CMD /.test(l)));
  });

  it('installs Debian Chromium where CHROMIUM_PATH points, and has a HEALTHCHECK on /api/health', () => {
    const stage = finalStage().join('\n');
    expect(stage).toMatch(/apt-get install [^\n]*\bchromium\b/);
    expect(stage).toMatch(/CHROMIUM_PATH=\/usr\/bin\/chromium/);
    expect(stage).toMatch(/^HEALTHCHECK .*\/api\/health/m);
  });

  it('sets only variables lib/env.ts knows (plus Next telemetry)', () => {
    const envLines = finalStage().filter((l) => /^ENV /.test(l)).join(' ');
    const names = [...envLines.matchAll(/([A-Z_]+)=/g)].map((m) => m[1]!);
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((n) => n !== 'NEXT_TELEMETRY_DISABLED' && !(ENV_NAMES as string[]).includes(n))).toEqual([]);
  });

  it('builds and starts with the commands the README documents', () => {
    const runs = [...dockerfile.matchAll(/^RUN (npm [^&\n]+?)(?: &&|$)/gm)].map((m) => m[1]!.trim());
    expect(runs).toEqual(expect.arrayContaining(['npm ci', 'npm run build', 'npm ci --omit=dev']));
    const cmd = /^CMD \["sh", "-c", "(.+)"\]$/m.exec(dockerfile)?.[1];
    expect(cmd, 'CMD ["sh", "-c", "…"] (scripts/check-production-install.mjs runs it)').toBeDefined();
    const commands = [...runs, ...cmd!.split('&&').map((c) => c.trim().replace(/^exec /, ''))];
    for (const command of commands) expect(deploySection, `README "Deploy" should show \`${command}\``).toContain(command);
    for (const file of ['.next/cli/migrate.mjs', '.next/cli/serve.mjs']) expect(cmd).toContain(file);
    expect(read('scripts/build-cli.mjs')).toMatch(/'serve', 'prepare-db', 'migrate'/);
  });

  it('leaves local builds, data and dependencies out of the build context', () => {
    const ignored = read('.dockerignore').split('\n');
    for (const entry of ['node_modules', '.next', '.next-*', '.data', '.env']) expect(ignored).toContain(entry);
  });
});

describe('README "Deploy"', () => {
  it('has an environment table listing exactly lib/env.ts variables', () => {
    const rows = [...deploySection.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]);
    expect(rows.sort()).toEqual([...ENV_NAMES].sort());
  });

  it('covers the container, compose, scaling out and Postgres backups', () => {
    for (const heading of ['### Container', '### Compose', '### Scaling out', '### Backups']) expect(deploySection).toContain(heading);
    expect(existsSync(join(root, 'deploy/env.example'))).toBe(true);
  });
});
