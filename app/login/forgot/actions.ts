'use server';

import { headers } from 'next/headers';
import { z } from 'zod';
import { getAuthorByEmail } from '@/db/authors';
import { beginLoginAttempt } from '@/db/login-attempts';
import { createEmailedPasswordReset } from '@/db/password-reset-tokens';
import { getSettings } from '@/db/settings';
import { getAuthSecret } from '@/lib/accounts/auth-secret';
import { mailSetup } from '@/lib/mail/config';
import { passwordResetMail } from '@/lib/mail/templates';
import { mailRequestKeys, minutesToWait } from '@/lib/accounts/login-throttle';
import { clientIp } from '@/lib/comments/moderation';
import { newResetToken, RESET_LINK_LIFETIME_MS } from '@/lib/accounts/reset-token';

export type ForgotState = { tone?: 'error' | 'success'; message?: string; errors?: { email?: string[] }; email?: string };

const input = z.object({
  email: z
    .string()
    .trim()
    .max(254, 'That email address is too long.')
    .pipe(z.email('Please enter the email address you sign in with.')),
});

const SAME_ANSWER =
  'If an account on this blog uses that address, a link to choose a new password is on its way. It works once, within an hour. Check your spam folder if it does not arrive in a few minutes.';

/**
 * "Forgot your password?". Every address gets the same answer, known or not, so the form tells
 * nobody who has an account; requests are counted per address and network (five, then waits);
 * an account gets one mailed link per five minutes at most.
 */
export async function requestPasswordReset(_prev: ForgotState, formData: FormData): Promise<ForgotState> {
  const raw = formData.get('email');
  const parsed = input.safeParse({ email: typeof raw === 'string' ? raw : '' });
  if (!parsed.success) {
    return { tone: 'error', errors: z.flattenError(parsed.error).fieldErrors, email: typeof raw === 'string' ? raw : '' };
  }
  const email = parsed.data.email.toLowerCase();
  const secret = getAuthSecret();
  const lock = await beginLoginAttempt(mailRequestKeys('reset', clientIp((await headers()).get('x-forwarded-for')), email, secret));
  if (lock) {
    const minutes = minutesToWait(lock.until, new Date());
    return { tone: 'error', message: `Too many requests from your network. Please wait ${minutes} ${minutes === 1 ? 'minute' : 'minutes'} and try again.`, email };
  }
  const author = await getAuthorByEmail(email);
  const setup = mailSetup();
  // Only people who can sign in (a disabled or imported author's address gets nothing), and only
  // when the link can name the blog's real address (SITE_URL), never the request's Host header.
  if (author?.passwordHash && !author.disabledAt && setup.ready) {
    const { token, tokenHash } = newResetToken();
    const settings = await getSettings();
    const mail = passwordResetMail({
      blog: { title: settings.blogTitle, origin: setup.settings.origin },
      name: author.name,
      resetUrl: `${setup.settings.origin}/reset-password/${token}`,
    });
    await createEmailedPasswordReset({
      authorId: author.id,
      tokenHash,
      expiresAt: new Date(Date.now() + RESET_LINK_LIFETIME_MS),
      toAddress: author.email,
      mail,
    });
  }
  return { tone: 'success', message: SAME_ANSWER, email };
}
