'use server';

import { AuthError } from 'next-auth';
import { signIn } from '@/auth';
import { formValues, type FormState } from '@/lib/form-state';

/** Only paths on this site: a crafted ?callbackUrl must not send a fresh session elsewhere. */
function safeRedirect(target: FormDataEntryValue | null): string {
  if (typeof target !== 'string' || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) {
    return '/admin';
  }
  return target;
}

export async function login(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData, ['email']);
  try {
    await signIn('credentials', {
      email: formData.get('email'),
      password: formData.get('password'),
      redirectTo: safeRedirect(formData.get('callbackUrl')),
    });
    return {};
  } catch (error) {
    // The same words for an unknown email and a wrong password.
    if (error instanceof AuthError) return { message: 'Invalid email or password.', values };
    throw error;
  }
}
