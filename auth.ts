import NextAuth, { CredentialsSignin, type DefaultSession } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { authenticate } from '@/lib/auth/server/authenticate';
import { clientAddress } from '@/lib/security/server/client-address';
import { db } from '@/lib/db/server/prisma';
import { Role } from '@/lib/core/enums';
import { endSessionsOnSignOut } from '@/lib/auth/server/end-sessions';
import { sessionStillLive } from '@/lib/auth/server/session-cookie';
import { SESSION_MAX_LIFETIME_S } from '@/lib/auth/session-policy';
import { envSchema } from '@/lib/env';

declare module 'next-auth' {
  interface Session {
    user: { id: string; role: Role } & DefaultSession['user'];
  }
  interface User {
    role?: Role;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    role?: Role;
    /** The user's session version at sign-in (lib/auth/server/current-actor compares it). */
    sv?: number;
    /** Sign-in time, seconds since the epoch: the session ends SESSION_MAX_LIFETIME_S after it. */
    authTime?: number;
  }
}

class InvalidCredentials extends CredentialsSignin {
  code = 'invalid';
}
class DisabledAccount extends CredentialsSignin {
  code = 'disabled';
}
class RateLimited extends CredentialsSignin {
  constructor(retryAfterSeconds: number) {
    super();
    this.code = `rate_limited:${retryAfterSeconds}`;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  // Behind the desk's reverse proxy the public host comes from X-Forwarded-Host; AUTH_URL pins it
  // instead, and AUTH_TRUST_HOST=false ignores the forwarded headers (README "Deploy").
  trustHost: envSchema.shape.AUTH_TRUST_HOST.parse(process.env.AUTH_TRUST_HOST || undefined),
  logger: {
    // A failed sign-in is an expected outcome (shown to the user and rate-limited), not a server error.
    error(error) {
      if (error.name === 'CredentialsSignin' || (error as { type?: string }).type === 'CredentialsSignin') return;
      console.error('[auth]', error);
    },
  },
  // The cookie is refreshed as the user works, but never past SESSION_MAX_LIFETIME_S from its sign-in (jwt below).
  session: { strategy: 'jwt', maxAge: SESSION_MAX_LIFETIME_S },
  pages: { signIn: '/signin' },
  providers: [
    Credentials({
      credentials: { email: { label: 'Email' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials, request) {
        const result = await authenticate(db, credentials, clientAddress(request.headers));
        if (result.ok) return { id: result.user.id, email: result.user.email, name: result.user.name, role: result.user.role };
        if (result.reason === 'rate_limited') throw new RateLimited(result.retryAfterSeconds);
        if (result.reason === 'disabled') throw new DisabledAccount();
        throw new InvalidCredentials();
      },
    }),
  ],
  events: {
    // Signing out ends this browser's session and every other cookie of the user (not their API tokens).
    async signOut(message) {
      const token = 'token' in message ? message.token : null;
      if (token?.sub && typeof token.sv === 'number') await endSessionsOnSignOut(db, token.sub, token.sv);
    },
  },
  callbacks: {
    async jwt({ token, user }) {
      if (user?.id) {
        const row = await db.user.findUnique({ where: { id: user.id }, select: { sessionVersion: true } });
        token.sub = user.id;
        token.role = user.role;
        token.sv = row?.sessionVersion ?? 0;
        token.authTime = Math.floor(Date.now() / 1000);
        return token;
      }
      // Returning null clears the cookie: a session past its absolute lifetime is not refreshed again.
      if (typeof token.authTime !== 'number' || !sessionStillLive(token.authTime)) return null;
      return token;
    },
    session({ session, token }) {
      session.user.id = token.sub ?? '';
      session.user.role = (token.role as Role | undefined) ?? Role.ANALYST;
      return session;
    },
  },
});
