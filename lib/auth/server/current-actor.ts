import 'server-only';
import { credentialForToken } from '@/lib/auth/server/api-tokens';
import type { Actor } from '@/lib/core/actor';
import { db } from '@/lib/db/server/prisma';
import { sessionClaims } from '@/lib/auth/server/session-cookie';

export type ActorSource = 'token' | 'session';

/** How the request authenticated: a session cookie (and when its sign-in was) or an API token. */
export type Credential = { source: 'session'; signedInAt: Date } | { source: 'token'; tokenId: string };

export type CurrentActor = { actor: Actor } & Credential;

/**
 * The signed-in user for a request: a Bearer token wins over the session cookie. The user row is
 * re-read on every request, so a disabled account, a role change or a bumped session version
 * (sign-out, password change, "sign out everywhere") takes effect at once.
 */
export async function currentActor(headers: Headers): Promise<CurrentActor | null> {
  const authorization = headers.get('authorization');
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const found = match ? await credentialForToken(db, match[1]!) : null;
    return found ? { actor: pick(found.user), source: 'token', tokenId: found.tokenId } : null;
  }
  const claims = await sessionClaims(headers);
  if (!claims) return null;
  // One raw statement: every request of a signed-in browser pays for it (Prisma's model query costs twice as much).
  const [user] = await db.$queryRaw<SessionUserRow[]>`
    SELECT id, name, email, role, disabled, "sessionVersion" FROM "User" WHERE id = ${claims.userId}`;
  if (!user || user.disabled || user.sessionVersion !== claims.version) return null;
  return { actor: pick(user), source: 'session', signedInAt: claims.signedInAt };
}

type SessionUserRow = Actor & { disabled: boolean; sessionVersion: number };

function pick(user: Actor): Actor {
  return { id: user.id, name: user.name, email: user.email, role: user.role };
}
