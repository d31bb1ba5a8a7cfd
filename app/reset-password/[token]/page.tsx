import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { findPasswordResetToken } from '@/db/password-reset-tokens';
import { AuthCard } from '@/components/auth-card';
import { hashResetToken } from '@/lib/accounts/reset-token';
import { ResetPasswordForm } from './reset-password-form';

// The token is in the address: keep it out of Referer headers and search engines.
export const metadata: Metadata = { title: 'Choose a new password', robots: { index: false }, referrer: 'no-referrer' };

/** Opening a password link only shows the form; the link is spent when the form is sent. */
export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  await connection();
  const { token } = await params;
  const found = await findPasswordResetToken({ tokenHash: hashResetToken(token) });
  // Unknown, used and expired links get this segment's not-found page, with a 404.
  if (found.status !== 'valid') notFound();
  return (
    <AuthCard
      title="Choose a new password"
      intro={
        <>
          For <strong>{found.author.name}</strong> ({found.author.email}). Setting it signs this account out everywhere; then you
          sign in with the new password.
        </>
      }
    >
      <ResetPasswordForm token={token} email={found.author.email} />
    </AuthCard>
  );
}
