import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { requireAuthor } from '@/auth';
import { countCommentsByStatus, listCommentsForModeration } from '@/db/comments';
import { getSettings } from '@/db/settings';
import type { Comment } from '@/db/schema';
import { formatDateTime } from '@/lib/reading/dates';
import { FormMessage } from '@/components/ui/form-message';
import { moderateComments } from './actions';

export const metadata: Metadata = { title: 'Comments' };

const tabs: { status: Comment['status']; label: string }[] = [
  { status: 'pending', label: 'Pending' },
  { status: 'published', label: 'Published' },
  { status: 'spam', label: 'Spam' },
];

const notices: Record<string, string> = {
  approve: 'approved',
  spam: 'marked as spam',
  pending: 'moved back to pending',
  delete: 'deleted',
};

export default async function CommentsPage({
  searchParams,
}: {
  searchParams: Promise<{ status?: string; notice?: string; n?: string }>;
}) {
  await connection();
  const author = await requireAuthor();
  const params = await searchParams;
  const status = tabs.find((t) => t.status === params.status)?.status ?? 'pending';
  const scope = author.role === 'admin' ? undefined : author.id;
  const [counts, rows, settings] = await Promise.all([
    countCommentsByStatus({ authorId: scope }),
    listCommentsForModeration({ status, authorId: scope, limit: 200 }),
    getSettings(),
  ]);
  const notice =
    params.notice === 'none'
      ? 'Tick at least one comment and choose an action.'
      : params.notice && notices[params.notice]
        ? `${params.n ?? 0} ${params.n === '1' ? 'comment' : 'comments'} ${notices[params.notice]}.`
        : undefined;

  return (
    <div className="mx-auto max-w-5xl">
      <h1 className="font-serif text-3xl font-semibold">Comments</h1>
      <nav aria-label="Comment status" className="mt-6 flex gap-1 border-b border-stone-200 dark:border-stone-800">
        {tabs.map((tab) => (
          <Link
            key={tab.status}
            href={`/admin/comments?status=${tab.status}`}
            aria-current={tab.status === status ? 'page' : undefined}
            className={`-mb-px border-b-2 px-4 py-2 text-sm font-medium ${
              tab.status === status
                ? 'border-accent text-stone-900 dark:border-orange-400 dark:text-white'
                : 'border-transparent text-stone-600 hover:text-stone-900 dark:text-stone-400 dark:hover:text-white'
            }`}
          >
            {tab.label} <span className="tabular-nums">({counts[tab.status]})</span>
          </Link>
        ))}
      </nav>
      {notice ? (
        <div className="mt-4">
          <FormMessage id="moderation-notice" tone={params.notice === 'none' ? 'error' : 'success'} message={notice} />
        </div>
      ) : null}
      {rows.length === 0 ? (
        <p className="mt-8 rounded-lg border border-dashed border-stone-300 p-10 text-center text-stone-600 dark:border-stone-700 dark:text-stone-400">
          No {status} comments.
        </p>
      ) : (
        <form action={moderateComments} className="mt-4">
          <input type="hidden" name="tab" value={status} />
          <div className="mb-3 flex flex-wrap items-center gap-2">
            <label htmlFor="bulk-action" className="text-sm font-medium">
              With ticked comments:
            </label>
            <select id="bulk-action" name="action" className="field w-auto py-1.5 text-sm" defaultValue="approve">
              {status !== 'published' ? <option value="approve">Approve</option> : null}
              {status !== 'spam' ? <option value="spam">Mark as spam</option> : null}
              {status !== 'pending' ? <option value="pending">Move to pending</option> : null}
              <option value="delete">Delete</option>
            </select>
            <button type="submit" className="btn-secondary py-1.5">
              Apply
            </button>
          </div>
          <ul className="divide-y divide-stone-200 rounded-lg bg-white shadow-sm ring-1 ring-stone-200 dark:divide-stone-800 dark:bg-stone-900 dark:ring-stone-800">
            {rows.map((comment) => (
              <li key={comment.id} className="flex gap-3 p-4" aria-label={`Comment by ${comment.authorName}`}>
                <input
                  type="checkbox"
                  name="ids"
                  value={comment.id}
                  aria-label={`Select the comment by ${comment.authorName}`}
                  className="mt-1 size-4 shrink-0"
                />
                <div className="min-w-0 flex-1">
                  <p className="text-sm">
                    <strong>{comment.authorName}</strong>
                    {comment.authorEmail ? <span className="text-stone-600 dark:text-stone-400"> · {comment.authorEmail}</span> : null}
                    {comment.authorUrl ? <span className="text-stone-600 dark:text-stone-400"> · {comment.authorUrl}</span> : null}
                  </p>
                  <p className="text-xs text-stone-600 dark:text-stone-400">
                    {formatDateTime(comment.createdAt, settings.timezone)} on{' '}
                    {comment.postPermalink ? (
                      <Link href={`${comment.postPermalink}#c${comment.id}`} className="link">
                        {comment.postTitle}
                      </Link>
                    ) : (
                      comment.postTitle
                    )}
                  </p>
                  <p className="mt-2 line-clamp-4 text-sm whitespace-pre-line break-words">{comment.body}</p>
                  <div className="mt-2 flex flex-wrap gap-2 text-sm">
                    {status !== 'published' ? (
                      <button type="submit" name="single" value={`approve:${comment.id}`} className="btn-secondary px-2.5 py-1">
                        Approve
                      </button>
                    ) : null}
                    {status !== 'spam' ? (
                      <button type="submit" name="single" value={`spam:${comment.id}`} className="btn-secondary px-2.5 py-1">
                        Spam
                      </button>
                    ) : null}
                    <button type="submit" name="single" value={`delete:${comment.id}`} className="btn-secondary px-2.5 py-1">
                      Delete
                    </button>
                    {status === 'published' && comment.postPermalink ? (
                      <Link href={`${comment.postPermalink}?replyTo=${comment.id}#comment-form`} className="btn-secondary px-2.5 py-1">
                        Reply
                      </Link>
                    ) : null}
                  </div>
                </div>
              </li>
            ))}
          </ul>
        </form>
      )}
    </div>
  );
}
