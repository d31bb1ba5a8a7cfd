'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { requireAuthor } from '@/auth';
import { bumpSessionVersion, updateAuthorPassword, updateAuthorProfile } from '@/db/authors';
import { passwordChangeInput, profileInput } from '@/lib/author-input';
import { formValues, type FormState } from '@/lib/form-state';
import { hashPassword, verifyPassword } from '@/lib/password';

/** The signed-in author's name and bio (shown on their author page and in About Me). */
export async function saveProfileAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const author = await requireAuthor();
  const values = formValues(formData, ['name', 'bio']);
  const parsed = profileInput.safeParse(values);
  if (!parsed.success) return { errors: z.flattenError(parsed.error).fieldErrors, values };
  await updateAuthorProfile({ id: author.id, ...parsed.data });
  revalidatePath('/', 'layout');
  redirect('/admin/profile?saved=profile');
}

export async function changePasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const author = await requireAuthor();
  const parsed = passwordChangeInput.safeParse({ current: formData.get('current'), password: formData.get('password') });
  if (!parsed.success) return { errors: z.flattenError(parsed.error).fieldErrors };
  if (!author.passwordHash || !(await verifyPassword(author.passwordHash, parsed.data.current))) {
    return { errors: { current: ['That is not your current password.'] } };
  }
  await updateAuthorPassword({ id: author.id, passwordHash: await hashPassword(parsed.data.password) });
  // Every session, this one included, ends: a stolen cookie is worthless after a password change.
  await bumpSessionVersion(author.id);
  redirect('/login?notice=password-changed');
}
