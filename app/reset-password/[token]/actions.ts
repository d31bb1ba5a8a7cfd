'use server';

import { redirect } from 'next/navigation';
import { findPasswordResetToken, resetPasswordWithToken } from '@/db/password-reset-tokens';
import { passwordResetInput } from '@/lib/accounts/author-input';
import type { FormState } from '@/lib/http/form-state';
import { hashPassword } from '@/lib/accounts/password';
import { hashResetToken } from '@/lib/accounts/reset-token';
import { parseForm } from '@/server/form-action';

const refused = {
  missing: 'This link does not work: it may have been copied incompletely. Ask for a new one with “Forgot your password?” on the sign-in page, or ask an admin of this blog.',
  used: 'This link has already been used. Ask for a new one with “Forgot your password?” on the sign-in page if you need to set the password again.',
  expired: 'This link has expired: links work for an hour. Ask for a new one with “Forgot your password?” on the sign-in page.',
} as const;

/** Sets the password a link was made for; the link holder needs no session, the link is the proof. */
export async function resetPasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const token = formData.get('token');
  const tokenHash = hashResetToken(typeof token === 'string' ? token : '');
  const found = await findPasswordResetToken({ tokenHash });
  if (found.status !== 'valid') return { message: refused[found.status] };
  // The link is checked first: a dead link needs a new one, whatever password was typed.
  const form = parseForm({ schema: passwordResetInput, values: [], input: () => ({ password: formData.get('password') }) }, formData);
  if (!form.ok) return form.state;
  // Spent in one transaction with the password change, so the same link sent twice sets it once.
  const result = await resetPasswordWithToken({ tokenHash, passwordHash: await hashPassword(form.input.password) });
  if (result.kind !== 'done') return { message: refused[result.kind] };
  redirect('/login?notice=password-reset');
}
