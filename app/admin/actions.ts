'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { SignInLocked, getCurrentAuthor, signIn, signOut } from '@/auth';
import { bumpSessionVersion, createFirstAdmin } from '@/db/authors';
import { formValues, type FormState } from '@/lib/form-state';
import { hashPassword } from '@/lib/password';
import { setupInput } from '@/lib/setup-input';

/** First run: creates the first admin and signs them in. Refused once anyone can sign in. */
export async function setupBlog(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData, ['blogTitle', 'name', 'email']);
  const parsed = setupInput.safeParse({ ...values, password: formData.get('password') });
  if (!parsed.success) {
    return {
      errors: z.flattenError(parsed.error).fieldErrors,
      message: 'Please fix the fields marked below.',
      values,
    };
  }
  const { blogTitle, name, email, password } = parsed.data;
  const admin = await createFirstAdmin({ blogTitle, name, email, passwordHash: await hashPassword(password) });
  if (!admin) redirect('/login');
  try {
    await signIn('credentials', { email, password, redirectTo: '/admin' });
  } catch (error) {
    // The blog exists now; an address that is locked out signs in later, like anyone.
    if (error instanceof SignInLocked) redirect('/login');
    throw error;
  }
  return {};
}

/** Signs out here and ends the author's other sessions too (their session version moves on). */
export async function signOutAction(): Promise<void> {
  const author = await getCurrentAuthor();
  if (author) await bumpSessionVersion(author.id);
  await signOut({ redirectTo: '/' });
}
