import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { requireAuthor } from '@/auth';
import { listAuthorsWithPostCounts } from '@/db/authors';
import { FormMessage } from '@/components/ui/form-message';
import { disableAuthorAction, enableAuthorAction } from './actions';
import { AddAuthorForm } from './add-author-form';

export const metadata: Metadata = { title: 'Authors' };

const notices: Record<string, { tone: 'success' | 'error'; message: string }> = {
  added: { tone: 'success', message: 'The author is added. Give them the address of /login and their first password.' },
  disabled: {
    tone: 'success',
    message: 'The author is disabled: they are signed out everywhere and cannot sign in. Their posts stay published under their name.',
  },
  enabled: { tone: 'success', message: 'The author can sign in again.' },
  deleted: { tone: 'success', message: 'The author is deleted. Their posts, pages and images now belong to the author you chose.' },
  self: { tone: 'error', message: 'You cannot disable or delete your own account. Another admin can.' },
  'last-admin': { tone: 'error', message: 'That would leave the blog with no admin who can sign in. Make someone else an admin first.' },
  missing: { tone: 'error', message: 'That author could not be found. They may have been deleted already.' },
};

export default async function AuthorsPage({ searchParams }: { searchParams: Promise<{ added?: string; notice?: string }> }) {
  await connection();
  const author = await requireAuthor();
  if (author.role !== 'admin') notFound();
  const [list, params] = await Promise.all([listAuthorsWithPostCounts(), searchParams]);
  const notice = notices[params.added ? 'added' : (params.notice ?? '')];
  return (
    <div className="mx-auto max-w-5xl">
      <h1 className="font-serif text-3xl font-semibold">Authors</h1>
      {notice ? (
        <div className="mt-4">
          <FormMessage id="authors-notice" tone={notice.tone} message={notice.message} />
        </div>
      ) : null}
      <div className="mt-6 overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-stone-200 dark:bg-stone-900 dark:ring-stone-800">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-stone-200 text-xs text-stone-600 uppercase dark:border-stone-800 dark:text-stone-400">
            <tr>
              <th scope="col" className="px-4 py-3">Name</th>
              <th scope="col" className="px-4 py-3">Email</th>
              <th scope="col" className="px-4 py-3">Role</th>
              <th scope="col" className="px-4 py-3">Sign-in</th>
              <th scope="col" className="px-4 py-3 text-right">Posts</th>
              <th scope="col" className="px-4 py-3">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100 dark:divide-stone-800">
            {list.map((a) => (
              <tr key={a.id} className={a.disabled ? 'text-stone-500 dark:text-stone-400' : undefined}>
                <th scope="row" className="px-4 py-3 font-medium">{a.name}</th>
                <td className="px-4 py-3 text-stone-600 dark:text-stone-400">{a.email}</td>
                <td className="px-4 py-3">{a.role === 'admin' ? 'Admin' : 'Author'}</td>
                <td className="px-4 py-3">
                  <SignInStatus disabled={a.disabled} hasPassword={a.hasPassword} />
                </td>
                <td className="px-4 py-3 text-right tabular-nums">{a.posts}</td>
                <td className="px-4 py-3">
                  {a.id === author.id ? (
                    <span className="text-stone-600 dark:text-stone-400">You</span>
                  ) : (
                    <div className="flex flex-wrap items-center gap-x-4 gap-y-1 whitespace-nowrap">
                      <form action={a.disabled ? enableAuthorAction : disableAuthorAction}>
                        <input type="hidden" name="id" value={a.id} />
                        <button type="submit" className="link cursor-pointer">
                          {a.disabled ? 'Enable' : 'Disable'}
                          <span className="sr-only"> {a.name}</span>
                        </button>
                      </form>
                      {a.disabled ? null : (
                        <Link href={`/admin/authors/${a.id}/password`} className="link">
                          {a.hasPassword ? 'Password link' : 'Give a password'}
                          <span className="sr-only"> for {a.name}</span>
                        </Link>
                      )}
                      <Link href={`/admin/authors/${a.id}/delete`} className="link">
                        Delete<span className="sr-only"> {a.name}</span>
                      </Link>
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="mt-3 text-sm text-stone-600 dark:text-stone-400">
        Imported authors have no password: they cannot sign in until you give them one with a password link.
      </p>
      <h2 className="mt-10 mb-4 font-serif text-xl font-semibold">Add an author</h2>
      <AddAuthorForm />
    </div>
  );
}

function SignInStatus({ disabled, hasPassword }: { disabled: boolean; hasPassword: boolean }) {
  if (disabled) return <span className="font-medium text-red-800 dark:text-red-300">Disabled</span>;
  if (!hasPassword) return <span className="text-amber-800 dark:text-amber-300">No password yet</span>;
  return <span>Can sign in</span>;
}
