import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { requireAuthor } from '@/auth';
import { hasSignInAuthor } from '@/db/authors';
import { listPostsForAdmin } from '@/db/posts';
import { getSettings } from '@/db/settings';
import { formatDateTime } from '@/lib/dates';
import { AuthCard } from '@/components/auth-card';
import { StatusBadge } from '@/components/status-badge';
import { SetupForm } from './setup-form';

export const metadata: Metadata = { title: 'Posts' };

export default async function AdminPage() {
  await connection();
  // First run, like WordPress and Ghost: until someone can sign in, /admin creates the first admin.
  if (!(await hasSignInAuthor())) {
    return (
      <AuthCard title="Welcome to Blogstead" intro="Name your blog and create the first admin account.">
        <SetupForm />
      </AuthCard>
    );
  }

  const author = await requireAuthor();
  const [posts, settings] = await Promise.all([
    listPostsForAdmin({ authorId: author.role === 'admin' ? undefined : author.id }),
    getSettings(),
  ]);

  return (
    <div className="mx-auto max-w-5xl">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="font-serif text-3xl font-semibold">Posts</h1>
        <Link href="/admin/posts/new" className="btn-primary">
          New post
        </Link>
      </div>
      {posts.length === 0 ? (
        <div className="mt-8 rounded-lg border border-dashed border-stone-300 p-10 text-center dark:border-stone-700">
          <p className="font-serif text-xl">No posts yet.</p>
          <p className="mt-2 text-stone-600 dark:text-stone-400">Your first post is one click away.</p>
        </div>
      ) : (
        <div className="mt-6 overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-stone-200 dark:bg-stone-900 dark:ring-stone-800">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-stone-200 text-xs tracking-wide text-stone-600 uppercase dark:border-stone-800 dark:text-stone-400">
              <tr>
                <th scope="col" className="px-4 py-3 font-semibold">Title</th>
                <th scope="col" className="px-4 py-3 font-semibold">Status</th>
                <th scope="col" className="hidden px-4 py-3 font-semibold sm:table-cell">Author</th>
                <th scope="col" className="hidden px-4 py-3 text-right font-semibold sm:table-cell">Comments</th>
                <th scope="col" className="hidden px-4 py-3 font-semibold md:table-cell">Date</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100 dark:divide-stone-800">
              {posts.map((post) => (
                <tr key={post.id} className="hover:bg-stone-50 dark:hover:bg-stone-800/50">
                  <td className="px-4 py-3">
                    <Link href={`/admin/posts/${post.id}`} className="font-medium hover:text-accent hover:underline">
                      {post.title}
                    </Link>
                    {post.permalink && post.status === 'published' ? (
                      <Link href={post.permalink} className="ml-2 text-xs text-stone-600 hover:underline dark:text-stone-400">
                        View
                      </Link>
                    ) : null}
                  </td>
                  <td className="px-4 py-3">
                    <StatusBadge status={post.status} />
                  </td>
                  <td className="hidden px-4 py-3 text-stone-600 sm:table-cell dark:text-stone-400">{post.authorName}</td>
                  <td className="hidden px-4 py-3 text-right tabular-nums sm:table-cell">{post.commentCount}</td>
                  <td className="hidden px-4 py-3 whitespace-nowrap text-stone-600 md:table-cell dark:text-stone-400">
                    {formatDateTime(post.publishedAt ?? post.updatedAt, settings.timezone)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
