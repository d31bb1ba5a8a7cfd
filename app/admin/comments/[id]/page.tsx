import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { requireAuthor } from '@/auth';
import { filterModeratableCommentIds, getCommentById } from '@/db/comments';
import { getPostById } from '@/db/posts';
import { getSettings } from '@/db/settings';
import { formatDateTime } from '@/lib/reading/dates';
import { moderateComments } from '../actions';

export const metadata: Metadata = { title: 'Comment' };

const statusLabel = { pending: 'Awaiting moderation', published: 'Published', spam: 'Spam' } as const;

/**
 * Where a comment notice's link leads: one comment with its moderation buttons. The link only
 * opens this page; acting still takes a signed-in author who may moderate the post, and a POST.
 */
export default async function CommentPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const author = await requireAuthor();
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id < 1) notFound();
  const comment = await getCommentById(id);
  if (!comment || (await filterModeratableCommentIds([id], author)).length === 0) notFound();
  const [post, settings] = await Promise.all([getPostById(comment.postId), getSettings()]);
  return (
    <div className="mx-auto max-w-3xl">
      <p className="text-sm">
        <Link href={`/admin/comments?status=${comment.status}`} className="link">
          ← Comments
        </Link>
      </p>
      <h1 className="mt-2 font-serif text-3xl font-semibold">Comment by {comment.authorName}</h1>
      <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">
        {statusLabel[comment.status]} · {formatDateTime(comment.createdAt, settings.timezone)} on{' '}
        {post?.permalink ? (
          <Link href={`${post.permalink}#c${comment.id}`} className="link">
            {post.title}
          </Link>
        ) : (
          post?.title
        )}
      </p>
      <div className="mt-6 rounded-lg bg-white p-5 shadow-sm ring-1 ring-stone-200 dark:bg-stone-900 dark:ring-stone-800">
        <p className="text-sm">
          <strong>{comment.authorName}</strong>
          {comment.authorEmail ? <span className="text-stone-600 dark:text-stone-400"> · {comment.authorEmail}</span> : null}
          {comment.authorUrl ? <span className="text-stone-600 dark:text-stone-400"> · {comment.authorUrl}</span> : null}
        </p>
        <p className="mt-3 whitespace-pre-line break-words">{comment.body}</p>
      </div>
      <form action={moderateComments} className="mt-6 flex flex-wrap gap-2">
        <input type="hidden" name="tab" value={comment.status} />
        {comment.status !== 'published' ? (
          <button type="submit" name="single" value={`approve:${comment.id}`} className="btn-primary">
            Approve
          </button>
        ) : null}
        {comment.status !== 'spam' ? (
          <button type="submit" name="single" value={`spam:${comment.id}`} className="btn-secondary">
            Mark as spam
          </button>
        ) : null}
        <button type="submit" name="single" value={`delete:${comment.id}`} className="btn-secondary">
          Delete
        </button>
      </form>
    </div>
  );
}
