import { AuthError } from 'next-auth';
import { signIn } from '@/auth';
import { clearLoginFailures, getLoginLock, recordLoginFailure } from '@/db/login-attempts';
import { getAuthSecret } from '@/lib/auth-secret';
import { minutesToWait } from '@/lib/login-throttle';
import { escapeHtml } from '@/lib/content';
import { clientIp, hashIp } from '@/lib/moderation';

const INVALID = 'Invalid email or password.';

/** Only paths on this site: a crafted callbackUrl must not send a fresh session elsewhere. */
function safeRedirect(target: FormDataEntryValue | null): string {
  if (typeof target !== 'string' || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) return '/admin';
  return target;
}

/**
 * The sign-in form posts here (a route handler, so a locked-out address gets a real 429).
 * Like Ghost: after five failures from one address, whatever the email, it waits minutes,
 * longer each time; a success clears the count; the count lives in the database.
 */
export async function POST(request: Request) {
  const wantsJson = request.headers.get('accept')?.includes('application/json') ?? false;
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return answer(wantsJson, 400, 'The sign-in form could not be read. Please reload the page.');
  }
  const ipHash = hashIp(clientIp(request.headers.get('x-forwarded-for')), getAuthSecret());
  const lock = await getLoginLock(ipHash);
  if (lock) return locked(wantsJson, lock);

  const email = form.get('email');
  const password = form.get('password');
  try {
    await signIn('credentials', { email, password, redirect: false });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    await recordLoginFailure(ipHash);
    return answer(wantsJson, 401, INVALID, typeof email === 'string' ? email : '');
  }
  await clearLoginFailures(ipHash);
  const location = safeRedirect(form.get('callbackUrl'));
  return wantsJson ? Response.json({ location }) : new Response(null, { status: 303, headers: { location } });
}

function locked(wantsJson: boolean, until: Date): Response {
  const minutes = minutesToWait(until, new Date());
  const message = `Too many failed sign-ins from your network. Please wait ${minutes} ${minutes === 1 ? 'minute' : 'minutes'} and try again.`;
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
