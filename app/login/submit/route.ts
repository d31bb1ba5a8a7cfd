import { AuthError } from 'next-auth';
import { SignInLocked, signIn } from '@/auth';
import type { LoginLock } from '@/db/login-attempts';
import { escapeHtml } from '@/lib/posts/content';
import { lockMessage, minutesToWait } from '@/lib/accounts/login-throttle';
import { crossOriginRefusal } from '@/lib/http/same-origin';

const INVALID = 'Invalid email or password.';

/** Only paths on this site: a crafted callbackUrl must not send a fresh session elsewhere. */
function safeRedirect(target: FormDataEntryValue | null): string {
  if (typeof target !== 'string' || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) return '/admin';
  return target;
}

/**
 * The sign-in form posts here (a route handler, so a locked-out address gets a real 429). The
 * throttle itself is in auth.ts's authorize, which every way of signing in passes.
 */
export async function POST(request: Request) {
  const wantsJson = request.headers.get('accept')?.includes('application/json') ?? false;
  // Another site must not sign a reader in to an account of its choosing (login CSRF).
  const refusal = crossOriginRefusal(request.headers);
  if (refusal) return answer(wantsJson, 403, refusal);
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return answer(wantsJson, 400, 'The sign-in form could not be read. Please reload the page.');
  }
  const email = form.get('email');
  const password = form.get('password');
  try {
    await signIn('credentials', { email, password, redirect: false });
  } catch (error) {
    if (error instanceof SignInLocked) return locked(wantsJson, error.lock);
    if (!(error instanceof AuthError)) throw error;
    return answer(wantsJson, 401, INVALID, typeof email === 'string' ? email : '');
  }
  const location = safeRedirect(form.get('callbackUrl'));
  return wantsJson ? Response.json({ location }) : new Response(null, { status: 303, headers: { location } });
}

function locked(wantsJson: boolean, { scope, until }: LoginLock): Response {
  const message = lockMessage(scope, minutesToWait(until, new Date()));
  const retryAfter = String(Math.ceil((until.getTime() - Date.now()) / 1000));
  return answer(wantsJson, 429, message, '', { 'retry-after': retryAfter });
}

/** JSON for the enhanced form; without JavaScript, a short page with the same status and words. */
function answer(wantsJson: boolean, status: number, message: string, email = '', headers: Record<string, string> = {}): Response {
  if (wantsJson) return Response.json({ message, email }, { status, headers });
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Not signed in</title>
<style>body{font:17px/1.6 system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1.25rem;color:#1c1917;background:#f5f5f4}a{color:#b4410f}@media(prefers-color-scheme:dark){body{color:#f5f5f4;background:#0c0a09}a{color:#fdba74}}</style></head>
<body><h1>Not signed in</h1><p>${escapeHtml(message)}</p><p><a href="/login">Back to sign in</a></p></body></html>`;
  return new Response(html, { status, headers: { ...headers, 'content-type': 'text/html; charset=utf-8' } });
}
