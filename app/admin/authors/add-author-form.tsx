'use client';

import { useActionState } from 'react';
import type { FormState } from '@/lib/http/form-state';
import { FieldError } from '@/components/ui/field-error';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { addAuthorAction } from './actions';

export function AddAuthorForm() {
  const [state, formAction] = useActionState(addAuthorAction, {} as FormState);
  const e = state.errors ?? {};
  const field = (name: string) => ({
    id: `author-${name}`,
    name,
    'aria-invalid': e[name] ? true : undefined,
    'aria-describedby': e[name] ? `author-${name}-error` : undefined,
    className: 'field',
  });
  return (
    <form action={formAction} className="grid gap-4 sm:grid-cols-2" noValidate>
      <div className="sm:col-span-2">
        <FormMessage id="add-author-message" message={state.message} />
      </div>
      <div>
        <label htmlFor="author-name" className="mb-1 block text-sm font-medium">Name</label>
        <input {...field('name')} defaultValue={state.values?.name} />
        <FieldError id="author-name-error" errors={e.name} />
      </div>
      <div>
        <label htmlFor="author-email" className="mb-1 block text-sm font-medium">Email</label>
        <input {...field('email')} type="email" defaultValue={state.values?.email} />
        <FieldError id="author-email-error" errors={e.email} />
      </div>
      <div>
        <label htmlFor="author-role" className="mb-1 block text-sm font-medium">Role</label>
        <select {...field('role')} defaultValue={state.values?.role ?? 'author'}>
          <option value="author">Author: writes and manages their own posts</option>
          <option value="admin">Admin: everything, including settings</option>
        </select>
        <FieldError id="author-role-error" errors={e.role} />
      </div>
      <div>
        <label htmlFor="author-password" className="mb-1 block text-sm font-medium">First password</label>
        <input {...field('password')} type="password" autoComplete="new-password" />
        <FieldError id="author-password-error" errors={e.password} />
      </div>
      <div className="sm:col-span-2">
        <SubmitButton pendingLabel="Adding…">Add author</SubmitButton>
      </div>
    </form>
  );
}
