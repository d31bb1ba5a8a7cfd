import { vi } from 'vitest';

/**
 * The library boundary unit tests replace, so auth.ts, requireAuthor() and the pages, actions and
 * routes run as written. In a test file:
 *
 *   vi.mock('next-auth', () => import('@/test/next-auth-mock'));
 *   import { session } from '@/test/next-auth-mock';
 *   session.current = { user: { id: String(authorId), sv: 0 } };   // signed in; null: a visitor
 */
export const session: { current: null | { user: { id: string; sv?: number } } } = { current: null };

/** What auth.ts handed to NextAuth, so the Credentials provider's authorize() can be called as written. */
export const nextAuthConfig: { current: unknown } = { current: undefined };

export default function NextAuth(config: unknown) {
  nextAuthConfig.current = config;
  return { auth: async () => session.current, signIn: vi.fn(), signOut: vi.fn(), handlers: {} };
}

export class AuthError extends Error {}
export class CredentialsSignin extends Error {}
