import { handlers } from '@/auth';

export const { GET } = handlers;

/**
 * Auth.js's own POST endpoints (sign in, sign out, session update) are not used here: the /login
 * form, first-run setup and "Sign out" call Auth.js on the server. Closed, so the only ways in are
 * the ones that pass the sign-in throttle and the site's own forms.
 */
export function POST() {
  return new Response('Sign in at /login.', { status: 405, headers: { allow: 'GET', 'content-type': 'text/plain; charset=utf-8' } });
}
