'use client';

import { useActionState } from 'react';
import { FieldError } from '@/components/ui/field-error';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import type { FormState } from '@/lib/http/form-state';
import { resetPasswordAction } from './actions';

export function ResetPasswordForm({ token, email }: { token: string; email: string }) {
  const [state, formAction] = useActionState(resetPasswordAction, {} as FormState);
  const e = state.errors ?? {};
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <FormMessage id="reset-message" message={state.message} />
      <input type="hidden" name="token" value={token} />
      {/* Lets a password manager file the new password under the right account. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <div>
        <label htmlFor="reset-password" className="mb-1 block text-sm font-medium">
          New password
        </label>
        <input
          id="reset-password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          autoFocus
          className="field"
          aria-invalid={e.password ? true : undefined}
          aria-describedby="reset-password-hint reset-password-error"
        />
        <p id="reset-password-hint" className="mt-1 text-xs text-stone-600 dark:text-stone-400">
          At least 10 characters; a few unrelated words are easy to remember and hard to guess.
        </p>
        <FieldError id="reset-password-error" errors={e.password} />
      </div>
      <SubmitButton pendingLabel="Saving…">Set password</SubmitButton>
    </form>
  );
}
