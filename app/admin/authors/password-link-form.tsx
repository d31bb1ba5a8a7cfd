'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { createPasswordLinkAction, type PasswordLinkState } from './actions';

/** Makes the link and shows it this once: the server keeps only its hash, so it cannot be shown again. */
export function PasswordLinkForm({ id, name }: { id: number; name: string }) {
  const [state, formAction] = useActionState(createPasswordLinkAction, {} as PasswordLinkState);
  if (state.link) {
    return (
      <div className="mt-6 flex flex-col gap-4">
        <FormMessage id="password-link-made" tone="success" message="The link is made. Copy it now: it is shown only this once." />
        <div>
          <label htmlFor="password-link" className="mb-1 block text-sm font-medium">
            Password link for {name}
          </label>
          <input
            id="password-link"
            readOnly
            value={state.link}
            onFocus={(event) => event.currentTarget.select()}
            className="field font-mono text-sm"
            aria-describedby="password-link-hint"
          />
          <p id="password-link-hint" className="mt-1 text-sm text-stone-600 dark:text-stone-400">
            Give it to {name} yourself, by a message only they read. Anyone with the link can set the password until it is used or the
            hour is up.
          </p>
        </div>
        <div>
          <Link href="/admin/authors" className="btn-secondary">
            Back to Authors
          </Link>
        </div>
      </div>
    );
  }
  return (
    <form action={formAction} className="mt-6 flex flex-col gap-4">
      <FormMessage id="password-link-message" message={state.message} />
      <input type="hidden" name="id" value={id} />
      <div className="flex flex-wrap gap-3">
        <SubmitButton pendingLabel="Making the link…">Make a password link</SubmitButton>
        <Link href="/admin/authors" className="btn-secondary">
          Cancel
        </Link>
      </div>
    </form>
  );
}
