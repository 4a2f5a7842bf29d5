import 'server-only';
import { userForToken } from '@/lib/auth/server/api-tokens';
import type { Actor } from '@/lib/core/actor';
import { db } from '@/lib/db/server/prisma';
import { sessionUserId } from '@/lib/auth/server/session-cookie';

export type ActorSource = 'token' | 'session';

/**
 * The signed-in user for a request: a Bearer token wins over the session cookie. The user row is
 * re-read on every request so a disabled account or a role change takes effect at once.
 */
export async function currentActor(headers: Headers): Promise<{ actor: Actor; source: ActorSource } | null> {
  const authorization = headers.get('authorization');
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const user = match ? await userForToken(db, match[1]!) : null;
    return user ? { actor: pick(user), source: 'token' } : null;
  }
  const id = await sessionUserId(headers);
  if (!id) return null;
  const user = await db.user.findUnique({ where: { id }, select: { id: true, name: true, email: true, role: true, disabled: true } });
  if (!user || user.disabled) return null;
  return { actor: pick(user), source: 'session' };
}

function pick(user: Actor): Actor {
  return { id: user.id, name: user.name, email: user.email, role: user.role };
}
