'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { bumpSessionVersion, updateAuthorPassword, updateAuthorProfile } from '@/db/authors';
import { passwordChangeInput, profileInput } from '@/lib/accounts/author-input';
import { hashPassword, verifyPassword } from '@/lib/accounts/password';
import { authorFormAction } from '@/server/form-action';

/** The signed-in author's name and bio (shown on their author page and in About Me). */
export const saveProfileAction = authorFormAction({ schema: profileInput, values: ['name', 'bio'] }, async (input, { author }) => {
  await updateAuthorProfile({ id: author.id, ...input });
  revalidatePath('/', 'layout');
  redirect('/admin/profile?saved=profile');
});

// Passwords are never given back to the form.
export const changePasswordAction = authorFormAction(
  { schema: passwordChangeInput, values: [], input: (_values, formData) => ({ current: formData.get('current'), password: formData.get('password') }) },
  async (input, { author }) => {
    if (!author.passwordHash || !(await verifyPassword(author.passwordHash, input.current))) {
      return { errors: { current: ['That is not your current password.'] } };
    }
    await updateAuthorPassword({ id: author.id, passwordHash: await hashPassword(input.password) });
    // Every session, this one included, ends: a stolen cookie is worthless after a password change.
    await bumpSessionVersion(author.id);
    redirect('/login?notice=password-changed');
  },
);
