import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { requireAuthor } from '@/auth';
import { listAuthorsWithPostCounts } from '@/db/authors';
import { FormMessage } from '@/components/ui/form-message';
import { AddAuthorForm } from './add-author-form';

export const metadata: Metadata = { title: 'Authors' };

export default async function AuthorsPage({ searchParams }: { searchParams: Promise<{ added?: string }> }) {
  await connection();
  const author = await requireAuthor();
  if (author.role !== 'admin') notFound();
  const [list, { added }] = await Promise.all([listAuthorsWithPostCounts(), searchParams]);
  return (
    <div className="mx-auto max-w-4xl">
      <h1 className="font-serif text-3xl font-semibold">Authors</h1>
      {added ? (
        <div className="mt-4">
          <FormMessage id="authors-notice" tone="success" message="The author is added. Give them the address of /login and their first password." />
        </div>
      ) : null}
      <div className="mt-6 overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-stone-200 dark:bg-stone-900 dark:ring-stone-800">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-stone-200 text-xs text-stone-600 uppercase dark:border-stone-800 dark:text-stone-400">
            <tr>
              <th scope="col" className="px-4 py-3">Name</th>
              <th scope="col" className="px-4 py-3">Email</th>
              <th scope="col" className="px-4 py-3">Role</th>
              <th scope="col" className="px-4 py-3 text-right">Posts</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100 dark:divide-stone-800">
            {list.map((a) => (
              <tr key={a.id}>
                <td className="px-4 py-3 font-medium">{a.name}</td>
                <td className="px-4 py-3 text-stone-600 dark:text-stone-400">{a.email}</td>
                <td className="px-4 py-3">{a.canSignIn ? (a.role === 'admin' ? 'Admin' : 'Author') : 'No sign-in (imported or demo)'}</td>
                <td className="px-4 py-3 text-right tabular-nums">{a.posts}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 className="mt-10 mb-4 font-serif text-xl font-semibold">Add an author</h2>
      <AddAuthorForm />
    </div>
  );
}
