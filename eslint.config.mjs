import next from 'eslint-config-next';

// The layout rules of docs/ARCHITECTURE.md that a build can check. tests/unit/architecture proves
// each one fires. (Import cycles are checked by madge in `npm run lint`: it sees type-only cycles too.)

/** Code that must stay importable by the browser: components and every lib file outside a server/ folder. */
const BROWSER_SAFE = ['components/**/*.{ts,tsx}', 'lib/**/*.{ts,tsx}'];
const SERVER_ONLY = ['lib/**/server/**', 'lib/generated/**'];

const serverImports = {
  group: ['**/server', '**/server/**', 'server-only', 'node:*', 'pg', 'bcryptjs', '@prisma/*', 'playwright-core', 'next/headers'],
  message:
    'Browser-safe code (components/, lib/<domain>/) must not import server code: move the database or Node part to lib/<domain>/server/ and import it from a route, page or another server file.',
};

const generatedImports = {
  group: ['@/lib/generated/**'],
  message: 'Import the vocabulary from @/lib/core/enums (Prisma client types from @/lib/db/server/prisma).',
};

const ROLE_RULE = 'Who may act is decided in lib/core/permissions.ts: call a can* function instead of naming or comparing roles.';
const roleRules = [
  { selector: 'Literal[value=/^(ANALYST|REVIEWER|ADMIN)$/]', message: ROLE_RULE },
  { selector: "BinaryExpression[operator=/^[!=]==?$/] > MemberExpression[object.name='Role']", message: ROLE_RULE },
];

const config = [
  ...next,
  { ignores: ['lib/generated/**', 'tools/**', '.next/**', '.next-*/**', 'bench/results/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  {
    files: BROWSER_SAFE,
    ignores: SERVER_ONLY,
    rules: { 'no-restricted-imports': ['error', { patterns: [serverImports, generatedImports] }] },
  },
  {
    // The one place the browser-safe vocabulary is taken from the generated (browser-safe) Prisma files.
    files: ['lib/core/enums.ts', 'lib/core/json-value.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [serverImports] }] },
  },
  {
    files: ['lib/**/server/**/*.{ts,tsx}', 'app/**/*.{ts,tsx}', 'auth.ts', 'proxy.ts'],
    ignores: ['lib/db/server/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [generatedImports] }] },
  },
  {
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'lib/**/*.{ts,tsx}', 'auth.ts', 'proxy.ts'],
    ignores: ['lib/core/permissions.ts', 'lib/core/enums.ts', 'lib/generated/**'],
    rules: { 'no-restricted-syntax': ['error', ...roleRules] },
  },
];

export default config;
