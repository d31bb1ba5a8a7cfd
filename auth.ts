import 'server-only';
import { cache } from 'react';
import { redirect } from 'next/navigation';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { getAuthorByEmail, getAuthorById } from '@/db/authors';
import { beginLoginAttempt, recordLoginSuccess, type LoginLock } from '@/db/login-attempts';
import type { Author } from '@/db/schema';
import { getAuthSecret } from '@/lib/accounts/auth-secret';
import { loginKeys } from '@/lib/accounts/login-throttle';
import { clientIp } from '@/lib/comments/moderation';
import { verifyAgainstDummy, verifyPassword } from '@/lib/accounts/password';
import { authConfig } from './auth.config';

const credentials = z.object({ email: z.string().trim().max(254), password: z.string().max(1024) });

/** A sign-in refused before its password was checked: too many attempts (see lib/accounts/login-throttle.ts). */
export class SignInLocked extends CredentialsSignin {
  code = 'locked';
  constructor(readonly lock: LoginLock) {
    super();
  }
}

// A function, so the secret is read when the first request arrives, never during `next build`.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  ...authConfig,
  secret: getAuthSecret(),
  callbacks: {
    ...authConfig.callbacks,
    // The author's session version rides in the token; a bumped version ends the session.
    jwt({ token, user }) {
      if (user?.sessionVersion !== undefined) token.sv = user.sessionVersion;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.user.sv = token.sv;
      return session;
    },
  },
  logger: {
    // A wrong password is an everyday event, and a forged or stale cookie is refused as no session:
    // one readable line for those (never the token), a full report for anything else.
    error(error) {
      if (error instanceof CredentialsSignin) return;
      if (error.name === 'JWTSessionError') console.warn(`auth: a session cookie could not be read (${error.cause instanceof Error ? error.cause.message : 'invalid'}); treated as signed out`);
      else console.error(error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      // Every way in (the /login form, first-run setup, Auth.js's own callback URL) ends here, so the
      // throttle lives here: the attempt is counted before the password is checked.
      async authorize(raw, request) {
        const parsed = credentials.safeParse(raw);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const keys = loginKeys(clientIp(request.headers.get('x-forwarded-for')), email, getAuthSecret());
        const lock = await beginLoginAttempt(keys);
        if (lock) throw new SignInLocked(lock);
        const author = await getAuthorByEmail(email);
        // Unknown email, disabled author and wrong password take the same time and give the same answer.
        if (!author?.passwordHash || author.disabledAt) return verifyAgainstDummy(password).then(() => null);
        if (!(await verifyPassword(author.passwordHash, password))) return null;
        await recordLoginSuccess(keys);
        return { id: String(author.id), name: author.name, email: author.email, sessionVersion: author.sessionVersion };
      },
    }),
  ],
}));

/** The signed-in author, checked against the database (a deleted author's cookie is worthless). */
export const getCurrentAuthor = cache(async (): Promise<Author | null> => {
  const session = await auth();
  const id = Number(session?.user?.id);
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const author = await getAuthorById(id);
  // Signed out elsewhere, the password changed or the author disabled since this session began: not valid any more.
  const version = session?.user?.sv ?? -1;
  return author?.passwordHash && !author.disabledAt && version === author.sessionVersion ? author : null;
});

/** One line at the top of every admin page and action: no session, no entry. */
export async function requireAuthor(): Promise<Author> {
  const author = await getCurrentAuthor();
  if (!author) redirect('/login');
  return author;
}

/** Authors edit their own posts; admins edit everyone's. */
export function canEditPost(author: Author, post: { authorId: number }): boolean {
  return author.role === 'admin' || post.authorId === author.id;
}
