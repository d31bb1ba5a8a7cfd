'use client';

import { useActionState } from 'react';
import type { FormState } from '@/lib/http/form-state';
import { MIN_PASSWORD_LENGTH } from '@/lib/accounts/setup-input';
import { FieldError } from '@/components/ui/field-error';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { setupBlog } from './actions';

const fields = [
  { name: 'blogTitle', label: 'Blog title', type: 'text', autoComplete: 'off' },
  { name: 'name', label: 'Your name', type: 'text', autoComplete: 'name' },
  { name: 'email', label: 'Email', type: 'email', autoComplete: 'username' },
] as const;

export function SetupForm() {
  const [state, formAction] = useActionState(setupBlog, {} as FormState);
  const err = state.errors ?? {};
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <FormMessage id="setup-message" message={state.message} />
      {fields.map((field) => (
        <div key={field.name}>
          <label htmlFor={`setup-${field.name}`} className="mb-1 block text-sm font-medium">
            {field.label}
          </label>
          <input
            id={`setup-${field.name}`}
            name={field.name}
            type={field.type}
            autoComplete={field.autoComplete}
            required
            defaultValue={state.values?.[field.name]}
            aria-invalid={err[field.name] ? true : undefined}
            aria-describedby={err[field.name] ? `setup-${field.name}-error` : undefined}
            className="field"
          />
          <FieldError id={`setup-${field.name}-error`} errors={err[field.name]} />
        </div>
      ))}
      <div>
        <label htmlFor="setup-password" className="mb-1 block text-sm font-medium">
          Password
        </label>
        <input
          id="setup-password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={MIN_PASSWORD_LENGTH}
          aria-invalid={err.password ? true : undefined}
          aria-describedby="setup-password-hint setup-password-error"
          className="field"
        />
        <p id="setup-password-hint" className="mt-1 text-xs text-stone-600 dark:text-stone-400">
          At least {MIN_PASSWORD_LENGTH} characters. A long phrase is easiest to remember.
        </p>
        <FieldError id="setup-password-error" errors={err.password} />
      </div>
      <SubmitButton pendingLabel="Creating your blog…">Create blog</SubmitButton>
    </form>
  );
}
