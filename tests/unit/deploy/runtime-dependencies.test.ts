// A production install is `npm ci --omit=dev`: whatever the server, the compiled tools or the start
// scripts import at run time must be in "dependencies", and nothing unused should be there.
import { builtinModules } from 'node:module';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = process.cwd();
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };

/** What runs in production: the app, the server entry, the tools compiled by scripts/build-cli.mjs and the start scripts. */
const RUNTIME_ROOTS = ['app', 'lib', 'components', 'auth.ts', 'proxy.ts', 'next.config.js', 'scripts/with-db.mjs', 'scripts/prisma-generate.mjs'];
const COMPILED_TOOLS = ['serve', 'prepare-db', 'migrate', 'seed', 'user'].map((t) => `scripts/${t}.ts`);
/** Loaded by Next itself or by generated code rather than imported by ours. */
const USED_INDIRECTLY = new Set(['react-dom', '@prisma/client']);

function files(path: string): string[] {
  const full = join(root, path);
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full).flatMap((name) => (name === 'generated' ? [] : files(join(path, name))));
}

function packageOf(specifier: string): string | null {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('@/') || specifier.startsWith('node:')) return null;
  const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
  return builtinModules.includes(name) ? null : name;
}

function runtimeImports(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const file of [...RUNTIME_ROOTS.flatMap(files), ...COMPILED_TOOLS].filter((f) => /\.(ts|tsx|mjs|js)$/.test(f))) {
    const source = readFileSync(join(root, file), 'utf8');
    // Value imports only: `import type` and `import { type X }`-only lines vanish at compile time.
    const patterns = [/^\s*import\s+(?!type\s)[^'"]*?from\s+['"]([^'"]+)['"]/gm, /^\s*import\s+['"]([^'"]+)['"]/gm, /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g, /^\s*export\s+(?!type\s)[^'"]*?from\s+['"]([^'"]+)['"]/gm];
    for (const pattern of patterns) {
      for (const match of source.matchAll(pattern)) {
        const name = packageOf(match[1]!);
        if (name) found.set(name, [...(found.get(name) ?? []), relative(root, join(root, file))]);
      }
    }
  }
  return found;
}

describe('runtime dependencies', () => {
  const imports = runtimeImports();

  it('finds the imports (the scan works)', () => {
    expect(imports.get('next')?.length).toBeGreaterThan(5);
    expect(imports.has('playwright-core')).toBe(true);
    expect(imports.has('pino')).toBe(true);
  });

  it('every package imported at run time is in "dependencies"', () => {
    const missing = [...imports].filter(([name]) => !(name in pkg.dependencies)).map(([name, where]) => `${name} (imported by ${[...new Set(where)].slice(0, 3).join(', ')}): npm install --save-exact ${name}, or move it from devDependencies`);
    expect(missing, 'packages a production install would lack').toEqual([]);
  });

  it('every entry of "dependencies" is used at run time', () => {
    const unused = Object.keys(pkg.dependencies).filter((name) => !imports.has(name) && !USED_INDIRECTLY.has(name));
    expect(unused, 'remove them (npm uninstall) or, if only tests use them, move them to devDependencies').toEqual([]);
  });
});
