'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { FieldError } from '@/components/ui/field-error';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { requestPasswordReset, type ForgotState } from './actions';

export function ForgotForm() {
  const [state, formAction] = useActionState(requestPasswordReset, {} as ForgotState);
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <FormMessage id="forgot-message" tone={state.tone === 'success' ? 'success' : 'error'} message={state.message} />
      <div>
        <label htmlFor="forgot-email" className="mb-1 block text-sm font-medium">
          Email
        </label>
        <input
          id="forgot-email"
          name="email"
          type="email"
          autoComplete="username"
          required
          autoFocus
          defaultValue={state.email}
          key={state.email}
          className="field"
          aria-invalid={state.errors?.email ? true : undefined}
          aria-describedby="forgot-email-error"
        />
        <FieldError id="forgot-email-error" errors={state.errors?.email} />
      </div>
      <SubmitButton pendingLabel="Sending…">Email me a link</SubmitButton>
      <p className="text-center text-sm">
        <Link href="/login" className="link">
          Back to sign in
        </Link>
      </p>
    </form>
  );
}
