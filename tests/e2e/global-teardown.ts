import { readFileSync } from 'node:fs';
import { dropDatabase } from '@/tests/support/throwaway-db';
import { E2E_STATE } from './global-setup';

export default async function globalTeardown() {
  const state = JSON.parse(readFileSync(E2E_STATE, 'utf8')) as { pid: number; database: string };
  try {
    process.kill(-state.pid, 'SIGTERM');
  } catch {
    // already gone
  }
  // Wait for the server (and its database connections) to go before dropping the database.
  for (let i = 0; i < 40; i++) {
    try {
      process.kill(state.pid, 0);
      await new Promise((r) => setTimeout(r, 250));
    } catch {
      break;
    }
  }
  if (!process.env.KEEP_TEST_DB) await dropDatabase(state.database);
}
