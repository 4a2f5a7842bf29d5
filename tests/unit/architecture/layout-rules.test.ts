// The layout rules (docs/ARCHITECTURE.md) are enforced by `npm run lint`; these tests prove each check
// fires on a violation and stays quiet on the allowed form, so a config change cannot silently disable one.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ESLint } from 'eslint';
import madge from 'madge';
import { afterAll, describe, expect, it } from 'vitest';

const root = process.cwd();
const eslint = new ESLint({ cwd: root });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : filesUnder(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('the server boundary', () => {
  it('every lib/<domain>/server file starts with the server-only marker', () => {
    const serverFiles = filesUnder(join(root, 'lib')).filter((f) => f.includes('/server/'));
    expect(serverFiles.length).toBeGreaterThan(30);
    const missing = serverFiles.filter((file) => {
      const code = readFileSync(file, 'utf8').replace(/^(\s*\/\/[^\n]*\n|\s*\/\*[\s\S]*?\*\/\n?)*/, '');
      return !code.startsWith("import 'server-only';");
    });
    expect(missing.map((f) => relative(root, f))).toEqual([]);
  });

  it('refuses server imports in components and browser-safe lib files', async () => {
    const code = "import { db } from '@/lib/db/server/prisma';\nexport const x = db;\n";
    expect(await ruleIds(code, 'components/x/probe.tsx')).toContain('no-restricted-imports');
    expect(await ruleIds(code, 'lib/annotations/probe.ts')).toContain('no-restricted-imports');
    expect(await ruleIds("import type { Db } from '@/lib/db/server/prisma';\nexport type X = Db;\n", 'components/x/probe.ts')).toContain('no-restricted-imports');
    expect(await ruleIds("import { createHash } from 'node:crypto';\nexport const h = createHash;\n", 'lib/articles/probe.ts')).toContain('no-restricted-imports');
  });

  it('allows them in server files and routes', async () => {
    const code = "import { db } from '@/lib/db/server/prisma';\nexport const x = db;\n";
    expect(await ruleIds(code, 'lib/annotations/server/probe.ts')).not.toContain('no-restricted-imports');
    expect(await ruleIds(code, 'app/api/probe/route.ts')).not.toContain('no-restricted-imports');
  });

  it('takes the vocabulary from lib/core, not from the generated client', async () => {
    const code = "import { Role } from '@/lib/generated/prisma/enums';\nexport const r = Role;\n";
    expect(await ruleIds(code, 'components/x/probe.ts')).toContain('no-restricted-imports');
    expect(await ruleIds(code, 'lib/review/server/probe.ts')).toContain('no-restricted-imports');
  });
});

describe('permissions in one module', () => {
  it('no role name is written or compared in app code outside lib/core (the lint rule, checked on the tree itself)', () => {
    const appFiles = ['app', 'components', 'lib'].flatMap((dir) => filesUnder(join(root, dir))).concat(['auth.ts', 'proxy.ts'].map((f) => join(root, f)));
    const allowed = new Set(['lib/core/permissions.ts', 'lib/core/enums.ts']);
    // A role as a string or an object key, or Role.X compared: choosing by role is a can* rule.
    // (Role.X as a value stays allowed: the seed's demo users, a form's default.)
    const roleUse = /(['"`](ANALYST|REVIEWER|ADMIN)['"`]|(^|[{,])\s*(ANALYST|REVIEWER|ADMIN)\s*:|[!=]==?\s*Role\.|Role\.(ANALYST|REVIEWER|ADMIN)\s*[!=]==?)/m;
    const offenders = appFiles
      .filter((file) => !allowed.has(relative(root, file)))
      .flatMap((file) => readFileSync(file, 'utf8').split('\n').map((line, i) => ({ file: relative(root, file), line: i + 1, text: line })))
      .filter(({ text }) => roleUse.test(text))
      .map(({ file, line, text }) => `${file}:${line}: ${text.trim()}`);
    expect(appFiles.length).toBeGreaterThan(200);
    expect(offenders).toEqual([]);
  });

  it('refuses role names and role comparisons outside lib/core/permissions.ts', async () => {
    expect(await ruleIds("export const admin = (u: { role: string }) => u.role === 'ADMIN';\n", 'components/x/probe.ts')).toContain('no-restricted-syntax');
    expect(await ruleIds("export type R = 'ANALYST' | 'REVIEWER';\n", 'lib/review/probe.ts')).toContain('no-restricted-syntax');
    expect(await ruleIds("import { Role } from '@/lib/core/enums';\nexport const f = (r: string) => r !== Role.ADMIN;\n", 'app/probe/page.tsx')).toContain('no-restricted-syntax');
  });

  it('allows them in the permission table', async () => {
    const code = "export const table = { ADMIN: ['users.manage'] };\nexport const isAdmin = (role: string) => role === 'ADMIN';\n";
    expect(await ruleIds(code, 'lib/core/permissions.ts')).not.toContain('no-restricted-syntax');
  });
});

describe('the import cycle check', () => {
  const dir = mkdtempSync(join(tmpdir(), 'claimdesk-cycles-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('sees a cycle made only of type imports', async () => {
    writeFileSync(join(dir, 'a.ts'), "import type { B } from './b';\nexport type A = { b?: B };\n");
    writeFileSync(join(dir, 'b.ts'), "import type { A } from './a';\nexport type B = { a?: A };\n");
    writeFileSync(join(dir, 'c.ts'), "import type { A } from './a';\nexport type C = A;\n");
    const graph = await madge(dir, { fileExtensions: ['ts', 'tsx'] });
    expect(graph.circular()).toEqual([['a.ts', 'b.ts']]);
  });
});
