'use client';

import Link from 'next/link';
import { useState } from 'react';
import { postForm, signedIn } from '@/lib/http/form-reply';
import { FormMessage } from '@/components/ui/form-message';

/**
 * Posts to /login/submit: a plain form without JavaScript; with it, the answer comes back as
 * JSON so a wrong password or a lockout is shown here and the email stays typed.
 */
export function LoginForm({ callbackUrl, notice }: { callbackUrl?: string; notice?: string }) {
  const [message, setMessage] = useState<string>();
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    setPending(true);
    setMessage(undefined);
    const form = event.currentTarget;
    try {
      const reply = await postForm('/login/submit', new FormData(form), signedIn);
      if (reply.kind === 'ok') {
        window.location.assign(reply.data.location);
        return;
      }
      setMessage((reply.kind === 'refused' && reply.message) || 'Signing in failed; please try again.');
      (form.elements.namedItem('password') as HTMLInputElement | null)?.select();
    } catch {
      setMessage('Could not reach the blog. Check your connection and try again.');
    }
    setPending(false);
  }

  return (
    <form action="/login/submit" method="post" onSubmit={onSubmit} className="flex flex-col gap-4">
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <FormMessage id="login-message" message={message} />
      {!message && notice ? <FormMessage id="login-notice" tone="success" message={notice} /> : null}
      <div>
        <label htmlFor="email" className="mb-1 block text-sm font-medium">
          Email
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          autoFocus
          aria-describedby={message ? 'login-message' : undefined}
          className="field"
        />
      </div>
      <div>
        <label htmlFor="password" className="mb-1 block text-sm font-medium">
          Password
        </label>
        <input id="password" name="password" type="password" autoComplete="current-password" required className="field" />
        <p className="mt-1 text-right text-sm">
          <Link href="/login/forgot" className="link">
            Forgot your password?
          </Link>
        </p>
      </div>
      <button type="submit" disabled={pending} aria-disabled={pending} className="btn-primary">
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
