import next from 'eslint-config-next';

const config = [
  ...next,
  { ignores: ['lib/generated/**', 'tools/**', '.next/**', '.next-*/**', 'bench/results/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
];

export default config;
