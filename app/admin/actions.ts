'use server';

import { redirect } from 'next/navigation';
import { SignInLocked, getCurrentAuthor, signIn, signOut } from '@/auth';
import { bumpSessionVersion, createFirstAdmin } from '@/db/authors';
import { hashPassword } from '@/lib/accounts/password';
import { setupInput } from '@/lib/accounts/setup-input';
import { publicFormAction } from '@/server/form-action';

/** First run: creates the first admin and signs them in. Refused once anyone can sign in. */
export const setupBlog = publicFormAction(
  {
    schema: setupInput,
    values: ['blogTitle', 'name', 'email'],
    input: (values, formData) => ({ ...values, password: formData.get('password') }),
    refused: 'Please fix the fields marked below.',
  },
  async ({ blogTitle, name, email, password }) => {
    const admin = await createFirstAdmin({ blogTitle, name, email, passwordHash: await hashPassword(password) });
    if (!admin) redirect('/login');
    try {
      await signIn('credentials', { email, password, redirectTo: '/admin' });
    } catch (error) {
      // The blog exists now; an address that is locked out signs in later, like anyone.
      if (error instanceof SignInLocked) redirect('/login');
      throw error;
    }
  },
);

/** Signs out here and ends the author's other sessions too (their session version moves on). */
export async function signOutAction(): Promise<void> {
  const author = await getCurrentAuthor();
  if (author) await bumpSessionVersion(author.id);
  await signOut({ redirectTo: '/' });
}
