import { inject } from 'vitest';

process.env.DATABASE_URL = inject('databaseUrl');
process.env.AUTH_SECRET ??= 'test-secret-for-vitest-only-0123456789abcdef';
// Tests hash many passwords; production cost stays at 11 (see lib/auth/server/password.ts and its test).
process.env.BCRYPT_COST ??= '4';
