import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import { envSchema } from '@/lib/env';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { registerResource } from '@/lib/lifecycle/server/shutdown';

// A value export too: raw statements are composed with Prisma.sql.
export { Prisma } from '@/lib/generated/prisma/client';

export function createPrismaClient(connectionString: string, max = envSchema.shape.DATABASE_POOL_SIZE.parse(process.env.DATABASE_POOL_SIZE || undefined)) {
  const adapter = new PrismaPg({ connectionString, max });
  // Password hashes never leave the database unless a query asks for them by name.
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
}

export type Db = ReturnType<typeof createPrismaClient>;
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

const globalForPrisma = globalThis as unknown as { claimdeskPrisma?: Db };

function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: start the app with `npm run dev` or `npm start`, which provide one.');
  return url;
}

/** The process-wide Prisma client (kept across hot reloads in development). */
export function getDb(): Db {
  if (!globalForPrisma.claimdeskPrisma) {
    globalForPrisma.claimdeskPrisma = createPrismaClient(databaseUrl());
    // Closed last on SIGTERM, after the requests using it have finished.
    registerResource('database pool', 20, disconnectDb);
  }
  return globalForPrisma.claimdeskPrisma;
}

export const db: Db = new Proxy({} as Db, {
  get(_target, prop, receiver) {
    return Reflect.get(getDb(), prop, receiver);
  },
});

export async function disconnectDb(): Promise<void> {
  await globalForPrisma.claimdeskPrisma?.$disconnect();
  globalForPrisma.claimdeskPrisma = undefined;
}
