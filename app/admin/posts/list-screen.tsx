import Link from 'next/link';
import { listLabelsWithCounts } from '@/db/labels';
import { listPostsForAdmin } from '@/db/posts';
import type { Author, Post } from '@/db/schema';
import { getSettings } from '@/db/settings';
import { getViewTotalsByPostIds } from '@/db/stats';
import { formatDateTime } from '@/lib/reading/dates';
import { FormMessage } from '@/components/ui/form-message';
import { StatusBadge } from '@/components/status-badge';
import { bulkPostsAction } from './actions';

const statuses: Post['status'][] = ['draft', 'scheduled', 'published'];
const notices: Record<string, string> = { publish: 'published', draft: 'reverted to draft', delete: 'deleted' };

/** All posts (or pages) as a table: filter by status and label, search titles, act on several at once. */
export async function ListScreen({
  author,
  type,
  params,
}: {
  author: Author;
  type: 'post' | 'page';
  params: { status?: string; label?: string; q?: string; notice?: string; n?: string };
}) {
  const status = statuses.find((s) => s === params.status);
  const label = params.label?.trim() || undefined;
  const q = params.q?.trim().slice(0, 100) || undefined;
  const [rows, settings, labels] = await Promise.all([
    listPostsForAdmin({ type, authorId: author.role === 'admin' ? undefined : author.id, status, label, q }),
    getSettings(),
    type === 'post' ? listLabelsWithCounts() : [],
  ]);
  const views = await getViewTotalsByPostIds(rows.map((post) => post.id));
  const noun = type === 'page' ? 'page' : 'post';
  const editBase = type === 'page' ? '/admin/pages' : '/admin/posts';
  const filtered = Boolean(status || label || q);
  const notice =
    params.notice === 'none'
      ? `Tick at least one ${noun} and choose an action.`
      : params.notice === 'deleted'
        ? `The ${noun} is deleted.`
        : params.notice && notices[params.notice]
          ? `${params.n ?? 0} ${params.n === '1' ? noun : `${noun}s`} ${notices[params.notice]}.`
          : undefined;

  return (
    <div className="mx-auto max-w-5xl">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="font-serif text-3xl font-semibold">{type === 'page' ? 'Pages' : 'Posts'}</h1>
        <Link href={`${editBase}/new`} className="btn-primary">
          New {noun}
        </Link>
      </div>
      {notice ? (
        <div className="mt-4">
          <FormMessage id="list-notice" tone={params.notice === 'none' ? 'error' : 'success'} message={notice} />
        </div>
      ) : null}

      <form method="get" role="search" aria-label={`Filter ${noun}s`} className="mt-6 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="filter-q" className="mb-1 block text-xs font-medium">
            Title contains
          </label>
          <input id="filter-q" name="q" type="search" defaultValue={q} className="field py-1.5 text-sm" />
        </div>
        <div>
          <label htmlFor="filter-status" className="mb-1 block text-xs font-medium">
            Status
          </label>
          <select id="filter-status" name="status" defaultValue={status ?? ''} className="field py-1.5 text-sm">
            <option value="">Any</option>
            <option value="draft">Draft</option>
            <option value="scheduled">Scheduled</option>
            <option value="published">Published</option>
          </select>
        </div>
        {type === 'post' ? (
          <div>
            <label htmlFor="filter-label" className="mb-1 block text-xs font-medium">
              Label
            </label>
            <select id="filter-label" name="label" defaultValue={label ?? ''} className="field py-1.5 text-sm">
              <option value="">Any</option>
              {labels.map((l) => (
                <option key={l.name} value={l.name}>
                  {l.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <button type="submit" className="btn-secondary py-1.5">
          Filter
        </button>
        {filtered ? (
          <Link href={type === 'page' ? '/admin/pages' : '/admin'} className="link py-1.5 text-sm">
            Clear
          </Link>
        ) : null}
      </form>

      {rows.length === 0 ? (
        <div className="mt-8 rounded-lg border border-dashed border-stone-300 p-10 text-center dark:border-stone-700">
          <p className="font-serif text-xl">{filtered ? `No ${noun}s match.` : `No ${noun}s yet.`}</p>
          {!filtered ? <p className="mt-2 text-stone-600 dark:text-stone-400">Your first {noun} is one click away.</p> : null}
        </div>
      ) : (
        <form action={bulkPostsAction} className="mt-4">
          <input type="hidden" name="type" value={type} />
          <div className="mb-3 flex flex-wrap items-center gap-2">
            <label htmlFor="bulk-posts-action" className="text-sm font-medium">
              With ticked {noun}s:
            </label>
            <select id="bulk-posts-action" name="action" defaultValue="publish" className="field w-auto py-1.5 text-sm">
              <option value="publish">Publish</option>
              <option value="draft">Revert to draft</option>
              <option value="delete">Delete</option>
            </select>
            <button type="submit" className="btn-secondary py-1.5">
              Apply
            </button>
          </div>
          <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-stone-200 dark:bg-stone-900 dark:ring-stone-800">
            <table className="w-full text-left text-sm">
              <thead className="border-b border-stone-200 text-xs tracking-wide text-stone-600 uppercase dark:border-stone-800 dark:text-stone-400">
                <tr>
                  <th scope="col" className="w-8 px-3 py-3">
                    <span className="sr-only">Select</span>
                  </th>
                  <th scope="col" className="px-3 py-3 font-semibold">Title</th>
                  <th scope="col" className="px-3 py-3 font-semibold">Status</th>
                  <th scope="col" className="hidden px-3 py-3 font-semibold sm:table-cell">Author</th>
                  {type === 'post' ? <th scope="col" className="hidden px-3 py-3 font-semibold lg:table-cell">Labels</th> : null}
                  {type === 'post' ? <th scope="col" className="hidden px-3 py-3 text-right font-semibold sm:table-cell">Comments</th> : null}
                  <th scope="col" className="hidden px-3 py-3 text-right font-semibold sm:table-cell">Views</th>
                  <th scope="col" className="hidden px-3 py-3 font-semibold md:table-cell">Date</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100 dark:divide-stone-800">
                {rows.map((post) => (
                  <tr key={post.id} className="hover:bg-stone-50 dark:hover:bg-stone-800/50">
                    <td className="px-3 py-3">
                      <input type="checkbox" name="ids" value={post.id} aria-label={`Select “${post.title}”`} className="size-4" />
                    </td>
                    <td className="px-3 py-3">
                      <Link href={`${editBase}/${post.id}`} className="font-medium hover:text-accent hover:underline">
                        {post.title}
                      </Link>
                      {post.permalink && post.status === 'published' ? (
                        <Link href={post.permalink} className="ml-2 text-xs text-stone-600 hover:underline dark:text-stone-400">
                          View
                        </Link>
                      ) : null}
                    </td>
                    <td className="px-3 py-3">
                      <StatusBadge status={post.status} />
                    </td>
                    <td className="hidden px-3 py-3 text-stone-600 sm:table-cell dark:text-stone-400">{post.authorName}</td>
                    {type === 'post' ? (
                      <td className="hidden px-3 py-3 text-stone-600 lg:table-cell dark:text-stone-400">{post.labels.join(', ')}</td>
                    ) : null}
                    {type === 'post' ? <td className="hidden px-3 py-3 text-right tabular-nums sm:table-cell">{post.commentCount}</td> : null}
                    <td className="hidden px-3 py-3 text-right tabular-nums sm:table-cell">{(views.get(post.id) ?? 0).toLocaleString('en-US')}</td>
                    <td className="hidden px-3 py-3 whitespace-nowrap text-stone-600 md:table-cell dark:text-stone-400">
                      {formatDateTime(post.publishedAt ?? post.updatedAt, settings.timezone)}
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
