import type { Metadata } from 'next';
import { connection } from 'next/server';
import { requireAuthor } from '@/auth';
import { FormMessage } from '@/components/ui/form-message';
import { PasswordForm, ProfileForm } from './profile-forms';

export const metadata: Metadata = { title: 'Your profile' };

export default async function ProfilePage({ searchParams }: { searchParams: Promise<{ saved?: string }> }) {
  await connection();
  const author = await requireAuthor();
  const { saved } = await searchParams;
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="font-serif text-3xl font-semibold">Your profile</h1>
      {saved ? (
        <div className="mt-4">
          <FormMessage id="profile-saved" tone="success" message={saved === 'password' ? 'Your password is changed.' : 'Your profile is saved.'} />
        </div>
      ) : null}
      <section aria-labelledby="profile-heading" className="mt-6">
        <h2 id="profile-heading" className="sr-only">Profile</h2>
        <ProfileForm name={author.name} bio={author.bio} />
      </section>
      <section aria-labelledby="password-heading" className="mt-10">
        <h2 id="password-heading" className="mb-4 font-serif text-xl font-semibold">Password</h2>
        <PasswordForm />
      </section>
    </div>
  );
}
