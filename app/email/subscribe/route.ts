import { z } from 'zod';
import { beginLoginAttempt } from '@/db/login-attempts';
import { requestFollow } from '@/db/followers';
import { getSettings } from '@/db/settings';
import { getAuthSecret } from '@/lib/accounts/auth-secret';
import { mailRequestKeys, minutesToWait } from '@/lib/accounts/login-throttle';
import { mailSetup } from '@/lib/mail/config';
import { followConfirmation } from '@/lib/mail/templates';
import { signMailLink } from '@/lib/mail/tokens';
import { clientIp } from '@/lib/comments/moderation';
import { refusalPage } from '@/lib/http/refusal-page';
import { crossOriginRefusal } from '@/lib/http/same-origin';

const input = z.object({
  email: z
    .string()
    .trim()
    .max(254, 'That email address is too long.')
    .pipe(z.email('Please enter an email address such as you@example.com.')),
});

const back = { href: '/', label: 'Back to the blog' };

/**
 * The Follow by Email gadget posts here. Every accepted address gets the same answer (check your
 * inbox), whether it is new, already following or asked within the hour, so the form tells nobody
 * who follows; a confirmation goes out at most once an hour per address.
 */
export async function POST(request: Request) {
  const refusal = crossOriginRefusal(request.headers);
  if (refusal) return refusalPage({ status: 403, title: 'Not subscribed', message: refusal, back });
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return refusalPage({ status: 400, title: 'Not subscribed', message: 'The form could not be read. Please reload the page and try again.', back });
  }
  const raw = form.get('email');
  const parsed = input.safeParse({ email: typeof raw === 'string' ? raw : '' });
  if (!parsed.success) {
    return refusalPage({ status: 400, title: 'Not subscribed', message: parsed.error.issues[0]!.message, back: { ...back, label: 'Back to the blog to try again' } });
  }
  const email = parsed.data.email.toLowerCase();
  const setup = mailSetup();
  if (!setup.ready) {
    return refusalPage({ status: 503, title: 'Not subscribed', message: 'This blog cannot send email yet. Please try again another day.', back });
  }
  const secret = getAuthSecret();
  const lock = await beginLoginAttempt(mailRequestKeys('follow', clientIp(request.headers.get('x-forwarded-for')), email, secret));
  if (lock) {
    const minutes = minutesToWait(lock.until, new Date());
    return refusalPage({
      status: 429,
      title: 'Not subscribed',
      message: `Too many requests from your network. Please wait ${minutes} ${minutes === 1 ? 'minute' : 'minutes'} and try again.`,
      back,
      headers: { 'retry-after': String(minutes * 60) },
    });
  }
  const settings = await getSettings();
  const blog = { title: settings.blogTitle, origin: setup.settings.origin };
  await requestFollow({
    email,
    writeConfirmation: (follower) => {
      const token = signMailLink({ purpose: 'confirm', followerId: follower.id, email: follower.email, issuedAt: Date.now() }, secret);
      return followConfirmation({ blog, confirmUrl: `${blog.origin}/email/confirm/${token}` });
    },
  });
  return new Response(null, { status: 303, headers: { location: '/email/subscribe/check-inbox' } });
}
