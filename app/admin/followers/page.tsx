import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { requireAuthor } from '@/auth';
import { countFollowersByStatus, listFollowers } from '@/db/followers';
import { getSettings } from '@/db/settings';
import { formatDateTime } from '@/lib/reading/dates';
import { FormMessage } from '@/components/ui/form-message';
import { removeFollowers } from './actions';

export const metadata: Metadata = { title: 'Followers' };

const statusLabel = { pending: 'Not confirmed yet', confirmed: 'Following', unsubscribed: 'Unsubscribed' } as const;

/** Admin → Followers: who follows the blog by email (admins only), with export and removal. */
export default async function FollowersPage({ searchParams }: { searchParams: Promise<{ notice?: string; n?: string }> }) {
  await connection();
  const author = await requireAuthor();
  if (author.role !== 'admin') notFound();
  const [followers, counts, settings, { notice, n }] = await Promise.all([listFollowers(), countFollowersByStatus(), getSettings(), searchParams]);
  const message =
    notice === 'removed' ? `${n ?? 0} ${n === '1' ? 'follower' : 'followers'} removed.` : notice === 'none' ? 'Tick at least one follower.' : undefined;
  return (
    <div className="mx-auto max-w-4xl">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="font-serif text-3xl font-semibold">Followers</h1>
        <a href="/admin/followers/export" className="btn-secondary" download>
          Export CSV
        </a>
      </div>
      <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">
        {counts.confirmed} following · {counts.pending} not confirmed yet · {counts.unsubscribed} unsubscribed. Readers follow with the “Follow by
        Email” gadget (Settings → Layout) and get each new post by email once they confirm.
      </p>
      {message ? (
        <div className="mt-4">
          <FormMessage id="followers-notice" tone={notice === 'none' ? 'error' : 'success'} message={message} />
        </div>
      ) : null}
      {followers.length === 0 ? (
        <p className="mt-8 rounded-lg border border-dashed border-stone-300 p-10 text-center text-stone-600 dark:border-stone-700 dark:text-stone-400">
          Nobody follows this blog by email yet.
        </p>
      ) : (
        <form action={removeFollowers} className="mt-6">
          <div className="mb-3">
            <button type="submit" className="btn-secondary py-1.5">
              Remove ticked
            </button>
          </div>
          <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-stone-200 dark:bg-stone-900 dark:ring-stone-800">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Followers</caption>
              <thead className="border-b border-stone-200 text-xs text-stone-600 uppercase dark:border-stone-800 dark:text-stone-400">
                <tr>
                  <th scope="col" className="w-8 px-3 py-2">
                    <span className="sr-only">Select</span>
                  </th>
                  <th scope="col" className="px-3 py-2 font-semibold">Email</th>
                  <th scope="col" className="px-3 py-2 font-semibold">Status</th>
                  <th scope="col" className="hidden px-3 py-2 font-semibold sm:table-cell">Since</th>
                  <th scope="col" className="px-3 py-2">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-200 dark:divide-stone-800">
                {followers.map((f) => (
                  <tr key={f.id}>
                    <td className="px-3 py-2">
                      <input type="checkbox" name="ids" value={f.id} aria-label={`Select ${f.email}`} className="size-4" />
                    </td>
                    <td className="min-w-40 px-3 py-2 break-all">{f.email}</td>
                    <td className="px-3 py-2">{statusLabel[f.status]}</td>
                    <td className="hidden px-3 py-2 whitespace-nowrap tabular-nums sm:table-cell">{formatDateTime(f.confirmedAt ?? f.createdAt, settings.timezone)}</td>
                    <td className="px-3 py-2 text-right">
                      <button type="submit" name="single" value={f.id} className="btn-secondary px-2.5 py-1" aria-label={`Remove ${f.email}`}>
                        Remove
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </form>
      )}
    </div>
  );
}
