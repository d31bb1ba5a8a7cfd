import type { NextAuthConfig } from 'next-auth';

/** Auth.js settings without the database or password hashing; auth.ts adds the provider. */
export const authConfig = {
  pages: { signIn: '/login' },
  // Self-hosted behind whatever proxy the owner runs: trust its Host header.
  trustHost: true,
  session: { strategy: 'jwt', maxAge: 30 * 24 * 60 * 60 },
  providers: [],
  callbacks: {
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
} satisfies NextAuthConfig;
