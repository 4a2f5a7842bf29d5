import NextAuth, { CredentialsSignin, type DefaultSession } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { authenticate } from '@/lib/auth/server/authenticate';
import { clientAddress } from '@/lib/security/server/client-address';
import { db } from '@/lib/db/server/prisma';
import { Role } from '@/lib/core/enums';

declare module 'next-auth' {
  interface Session {
    user: { id: string; role: Role } & DefaultSession['user'];
  }
  interface User {
    role?: Role;
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
  trustHost: true,
  logger: {
    // A failed sign-in is an expected outcome (shown to the user and rate-limited), not a server error.
    error(error) {
      if (error.name === 'CredentialsSignin' || (error as { type?: string }).type === 'CredentialsSignin') return;
      console.error('[auth]', error);
    },
  },
  session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
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
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.role = user.role;
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = token.sub ?? '';
      session.user.role = (token.role as Role | undefined) ?? Role.ANALYST;
      return session;
    },
  },
});
