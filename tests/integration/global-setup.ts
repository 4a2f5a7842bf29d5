import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrate } from '@/lib/db/server/migrate';
import { createThrowawayDatabase, dropDatabase } from '@/tests/support/throwaway-db';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/** One throwaway database per run, migrated by the project's own runner; dropped afterwards. */
export default async function setup(project: TestProject) {
  const { name, url } = await createThrowawayDatabase('claimdesk_vitest');
  await migrate(url, join(process.cwd(), 'prisma/migrations'));
  project.provide('databaseUrl', url);
  return async () => {
    if (!process.env.KEEP_TEST_DB) await dropDatabase(name);
  };
}
