import type { NextAuthConfig } from 'next-auth';

/**
 * The part of the auth setup the proxy can load: no database, no password hashing.
 * The proxy only redirects visitors to /login; every admin page and action checks again.
 */
export const authConfig = {
  pages: { signIn: '/login' },
  // Self-hosted behind whatever proxy the owner runs: trust its Host header.
  trustHost: true,
  session: { strategy: 'jwt', maxAge: 30 * 24 * 60 * 60 },
  providers: [],
  callbacks: {
    authorized({ auth }) {
      return Boolean(auth?.user);
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
} satisfies NextAuthConfig;
