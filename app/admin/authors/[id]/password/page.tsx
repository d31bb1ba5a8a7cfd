import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { requireAuthor } from '@/auth';
import { findManagedAuthor } from '../../find-author';
import { PasswordLinkForm } from '../../password-link-form';

export const metadata: Metadata = { title: 'Password link' };

/** Where an admin makes a one-time link for an author to set a password (WordPress's "Send password reset", by hand). */
export default async function PasswordLinkPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const admin = await requireAuthor();
  const author = await findManagedAuthor(admin, (await params).id);
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="font-serif text-3xl font-semibold">Password link for {author.name}</h1>
      {author.disabledAt ? (
        <p className="mt-4">
          {author.name} is disabled and cannot sign in. Enable them on the{' '}
          <Link href="/admin/authors" className="link">
            Authors
          </Link>{' '}
          page first.
        </p>
      ) : (
        <>
          <p className="mt-4">
            {author.passwordHash
              ? `A link that lets ${author.name} choose a new password, for when they have forgotten theirs.`
              : `${author.name} has no password yet (imported authors start without one), so they cannot sign in. This link lets them choose one.`}{' '}
            It works once, within an hour. Using it signs {author.name} out everywhere; a newer link replaces this one.
          </p>
          <PasswordLinkForm id={author.id} name={author.name} />
        </>
      )}
    </div>
  );
}
