import { createApiToken } from '@/lib/auth/server/api-tokens';
import { hashPassword } from '@/lib/auth/server/password';
import type { Actor } from '@/lib/core/actor';
import { getDb } from '@/lib/db/server/prisma';
import { seed } from '@/lib/db/server/seed';
import type { Role } from '@/lib/core/enums';

/**
 * Empties every table (keeps the migrations record) and re-seeds tags, desk settings, demo users and
 * article, without the demo annotations: tests make the annotations they reason about.
 */
export async function resetDatabase(): Promise<void> {
  const db = getDb();
  const tables = await db.$queryRaw<Array<{ tablename: string }>>`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;
  if (tables.length) await db.$executeRawUnsafe(`TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(', ')} CASCADE`);
  await seed(db, { demoAnnotations: false });
}

let counter = 0;

export type TestUser = Actor & { token: string; password: string };

/** A user with a fresh API token, for calling routes as that user. */
export async function createTestUser(role: Role = 'ANALYST', overrides: Partial<{ name: string; email: string }> = {}): Promise<TestUser> {
  const db = getDb();
  counter++;
  const password = 'test-password-123';
  const user = await db.user.create({
    data: {
      email: overrides.email ?? `user${counter}-${Date.now()}@test.local`,
      name: overrides.name ?? `${role.toLowerCase()} ${counter}`,
      role,
      passwordHash: await hashPassword(password),
    },
  });
  const { token } = await createApiToken(db, user.id, 'test');
  return { id: user.id, name: user.name, email: user.email, role: user.role, token, password };
}

export async function demoArticle() {
  const article = await getDb().article.findFirstOrThrow({ include: { versions: { orderBy: { number: 'desc' }, take: 1 } } });
  return { article, version: article.versions[0]! };
}
