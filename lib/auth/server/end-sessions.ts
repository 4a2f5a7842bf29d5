import 'server-only';
import type { Db, Tx } from '@/lib/db/server/prisma';
import { runWrite } from '@/lib/db/server/run-write';

/**
 * Ends every session of a user inside the caller's transaction: cookies issued before now stop
 * working at their next request (the session version moves on), and with `tokens` so do the user's
 * API tokens (revoked). Password, role and disable changes and "sign out everywhere" do both.
 */
export async function endSessions(tx: Tx, userId: string, { tokens }: { tokens: boolean }): Promise<void> {
  await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
  if (tokens) await tx.apiToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/**
 * Sign-out: the cookie that signs out (issued under `version`) and every other cookie of the user end;
 * API tokens stay (scripts keep working). A stale cookie signing out changes nothing.
 */
export async function endSessionsOnSignOut(db: Db, userId: string, version: number): Promise<void> {
  await runWrite(db, { id: userId }, ({ tx }) => tx.user.updateMany({ where: { id: userId, sessionVersion: version }, data: { sessionVersion: { increment: 1 } } }));
}
