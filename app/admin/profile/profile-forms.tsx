'use client';

import { useActionState } from 'react';
import type { FormState } from '@/lib/http/form-state';
import { FieldError } from '@/components/ui/field-error';
import { SubmitButton } from '@/components/ui/submit-button';
import { changePasswordAction, saveProfileAction } from './actions';

export function ProfileForm({ name, bio }: { name: string; bio: string }) {
  const [state, formAction] = useActionState(saveProfileAction, {} as FormState);
  const e = state.errors ?? {};
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <div>
        <label htmlFor="profile-name" className="mb-1 block text-sm font-medium">Name</label>
        <input id="profile-name" name="name" defaultValue={state.values?.name ?? name} className="field" aria-invalid={e.name ? true : undefined} aria-describedby="profile-name-error" />
        <FieldError id="profile-name-error" errors={e.name} />
      </div>
      <div>
        <label htmlFor="profile-bio" className="mb-1 block text-sm font-medium">Bio</label>
        <textarea id="profile-bio" name="bio" rows={4} defaultValue={state.values?.bio ?? bio} className="field" aria-describedby="profile-bio-hint profile-bio-error" />
        <p id="profile-bio-hint" className="mt-1 text-xs text-stone-600 dark:text-stone-400">Shown on your author page and in the About Me gadget.</p>
        <FieldError id="profile-bio-error" errors={e.bio} />
      </div>
      <div>
        <SubmitButton pendingLabel="Saving…">Save profile</SubmitButton>
      </div>
    </form>
  );
}

export function PasswordForm() {
  const [state, formAction] = useActionState(changePasswordAction, {} as FormState);
  const e = state.errors ?? {};
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <div>
        <label htmlFor="password-current" className="mb-1 block text-sm font-medium">Current password</label>
        <input id="password-current" name="current" type="password" autoComplete="current-password" className="field" aria-describedby="password-current-error" />
        <FieldError id="password-current-error" errors={e.current} />
      </div>
      <div>
        <label htmlFor="password-new" className="mb-1 block text-sm font-medium">New password</label>
        <input id="password-new" name="password" type="password" autoComplete="new-password" className="field" aria-describedby="password-new-error" />
        <FieldError id="password-new-error" errors={e.password} />
      </div>
      <div>
        <SubmitButton variant="secondary" pendingLabel="Changing…">Change password</SubmitButton>
      </div>
    </form>
  );
}
