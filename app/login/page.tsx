import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { connection } from 'next/server';
import { getCurrentAuthor } from '@/auth';
import { hasSignInAuthor } from '@/db/authors';
import { AuthCard } from '@/components/auth-card';
import { LoginForm } from './login-form';

export const metadata: Metadata = { title: 'Sign in', robots: { index: false } };

const notices: Record<string, string> = {
  'password-changed': 'Your password is changed. Please sign in with the new one.',
  'password-reset': 'Your new password is set. Please sign in with it.',
};

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[]; notice?: string | string[] }>;
}) {
  await connection();
  // A blog nobody can sign in to yet starts with setup.
  if (!(await hasSignInAuthor())) redirect('/admin');
  if (await getCurrentAuthor()) redirect('/admin');
  const { callbackUrl, notice } = await searchParams;
  const target = typeof callbackUrl === 'string' ? toPath(callbackUrl) : undefined;

  return (
    <AuthCard title="Sign in" intro="Sign in to write and manage your blog.">
      <LoginForm
        callbackUrl={target}
        notice={typeof notice === 'string' ? notices[notice] : undefined}
      />
    </AuthCard>
  );
}

// Auth.js hands over an absolute callback URL; the form only needs its path.
function toPath(callbackUrl: string): string | undefined {
  try {
    const url = new URL(callbackUrl, 'http://localhost');
    return url.pathname.startsWith('/') ? url.pathname + url.search : undefined;
  } catch {
    return undefined;
  }
}
