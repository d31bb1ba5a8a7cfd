'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { requireAuthor } from '@/auth';
import { createAuthor, getAuthorByEmail } from '@/db/authors';
import { newAuthorInput } from '@/lib/author-input';
import { formValues, type FormState } from '@/lib/form-state';
import { hashPassword } from '@/lib/password';

/** An admin adds someone who can sign in and write; they change the password on their Profile. */
export async function addAuthorAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const author = await requireAuthor();
  if (author.role !== 'admin') return { message: 'Only an admin can add authors.' };
  const values = formValues(formData, ['name', 'email', 'role']);
  const parsed = newAuthorInput.safeParse({ ...values, password: formData.get('password') });
  if (!parsed.success) {
    return { errors: z.flattenError(parsed.error).fieldErrors, message: 'Nobody was added. Please fix what is marked below.', values };
  }
  if (await getAuthorByEmail(parsed.data.email)) {
    return { errors: { email: ['Someone with this email is already an author here.'] }, values };
  }
  await createAuthor({
    name: parsed.data.name,
    email: parsed.data.email,
    role: parsed.data.role,
    passwordHash: await hashPassword(parsed.data.password),
  });
  revalidatePath('/admin/authors');
  redirect('/admin/authors?added=1');
}
