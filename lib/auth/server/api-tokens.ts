import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '@/lib/core/enums';
import type { Db } from '@/lib/db/server/prisma';
import { runWrite } from '@/lib/db/server/run-write';

const TOKEN_PREFIX = 'cdk_';

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export type NewApiToken = { id: string; token: string; prefix: string; expiresAt: Date | null };

/**
 * Creates a personal API token; the secret is returned once and only its hash is stored. Who may
 * mint one is decided by the caller (`mintApiToken` for the API; the command line is trusted).
 */
export async function createApiToken(db: Db, userId: string, label = '', expiresAt: Date | null = null): Promise<NewApiToken> {
  const token = TOKEN_PREFIX + randomBytes(24).toString('base64url');
  const prefix = token.slice(0, TOKEN_PREFIX.length + 6);
  const row = await runWrite(db, { id: userId }, ({ tx }) =>
    tx.apiToken.create({ data: { userId, label: label.slice(0, 100), tokenHash: hashToken(token), prefix, expiresAt } }),
  );
  return { id: row.id, token, prefix, expiresAt: row.expiresAt };
}

export async function revokeApiToken(db: Db, userId: string, tokenId: string): Promise<boolean> {
  const { count } = await runWrite(db, { id: userId }, ({ tx }) => tx.apiToken.updateMany({ where: { id: tokenId, userId, revokedAt: null }, data: { revokedAt: new Date() } }));
  return count === 1;
}

export async function listApiTokens(db: Db, userId: string) {
  return db.apiToken.findMany({
    where: { userId },
    orderBy: { createdAt: 'desc' },
    select: { id: true, label: true, prefix: true, createdAt: true, lastUsedAt: true, expiresAt: true, revokedAt: true },
  });
}

type TokenRow = {
  id: string;
  revokedAt: Date | null;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  user: { id: string; name: string; email: string; role: Role; disabled: boolean };
};

/**
 * The active user a bearer token belongs to and the token's id, or null (unknown, revoked, expired, or
 * user disabled). Read on every request, never cached, so a revoked token or a disabled account stops
 * at once; one raw statement, as every API call pays for it (Prisma's model query costs twice as much).
 */
export async function credentialForToken(db: Db, token: string, now = new Date()) {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  const [row] = await db.$queryRaw<TokenRow[]>`
    SELECT t.id, t."revokedAt", t."expiresAt", t."lastUsedAt",
           json_build_object('id', u.id, 'name', u.name, 'email', u.email, 'role', u.role, 'disabled', u.disabled) AS "user"
    FROM "ApiToken" t JOIN "User" u ON u.id = t."userId"
    WHERE t."tokenHash" = ${hashToken(token)}`;
  if (!row || row.revokedAt || row.user.disabled) return null;
  if (row.expiresAt && row.expiresAt <= now) return null;
  // Throttled so reads do not turn every API call into a write.
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await runWrite(db, row.user, ({ tx }) => tx.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } }));
  }
  return { user: row.user, tokenId: row.id };
}

/** The active user a bearer token belongs to, or null. */
export async function userForToken(db: Db, token: string) {
  return (await credentialForToken(db, token))?.user ?? null;
}
