import type { DefaultSession } from 'next-auth';

// What auth.ts keeps in the token and the session beyond Auth.js's defaults: the author's id and
// session version (bumped to end every session of that author, see getCurrentAuthor).
declare module 'next-auth' {
  interface User {
    sessionVersion?: number;
  }
  interface Session {
    user: { id: string; sv?: number } & DefaultSession['user'];
  }
}

declare module '@auth/core/jwt' {
  interface JWT {
    sv?: number;
  }
}
