import Link from 'next/link';
import type { Comment } from '@/db/schema';
import { commentCountLabel, threadComments } from '@/lib/comments/comments';
import { commentParagraphs, linkify } from '@/lib/comments/comment-text';
import { formatDateTime } from '@/lib/reading/dates';
import { CommentForm } from './comment-form';

/** Plain text with paragraphs and linked web addresses; nothing a reader writes becomes HTML. */
function CommentBody({ body }: { body: string }) {
  return (
    <div className="mt-1.5 flex flex-col gap-2 leading-relaxed break-words">
      {commentParagraphs(body).map((paragraph, i) => (
        <p key={i} className="whitespace-pre-line">
          {linkify(paragraph).map((run, j) =>
            run.href ? (
              <a key={j} href={run.href} rel="ugc nofollow noopener" className="link">
                {run.text}
              </a>
            ) : (
              <span key={j}>{run.text}</span>
            ),
          )}
        </p>
      ))}
    </div>
  );
}

function CommentItem({
  comment,
  timeZone,
  replyHref,
  held = false,
}: {
  comment: Comment;
  timeZone: string;
  replyHref?: string;
  held?: boolean;
}) {
  const name = comment.authorUrl ? (
    <a href={comment.authorUrl} rel="ugc nofollow noopener" className="link font-semibold">
      {comment.authorName}
    </a>
  ) : (
    <span className="font-semibold">{comment.authorName}</span>
  );
  return (
    <article id={`c${comment.id}`} aria-label={`Comment by ${comment.authorName}`} className="scroll-mt-6">
      {/* The anchor this comment had on the blog it was imported from, so old #c… links still land here. */}
      {comment.legacyAnchor && comment.legacyAnchor !== `c${comment.id}` ? <span id={comment.legacyAnchor} className="block scroll-mt-6" /> : null}
      <header className="flex flex-wrap items-baseline gap-x-2 text-sm">
        {name}
        {comment.isPostAuthor ? (
          <span className="rounded bg-stone-200 px-1.5 py-0.5 text-xs font-medium text-stone-700 dark:bg-stone-700 dark:text-stone-200">
            Author
          </span>
        ) : null}
        <a href={`#c${comment.id}`} className="text-stone-600 hover:underline dark:text-stone-400">
          <time dateTime={comment.createdAt.toISOString()}>{formatDateTime(comment.createdAt, timeZone)}</time>
        </a>
      </header>
      {held ? (
        <p className="mt-1 text-sm font-medium text-amber-800 dark:text-amber-300">Your comment is awaiting moderation.</p>
      ) : null}
      <CommentBody body={comment.body} />
      {replyHref ? (
        <p className="mt-1 text-sm">
          <Link href={replyHref} className="link" rel="nofollow" scroll={false}>
            Reply
          </Link>
        </p>
      ) : null}
    </article>
  );
}

/** Blogger's comment section: "3 comments:", the comments oldest first with replies, then the form. */
export function CommentSection({
  post,
  comments,
  held,
  timeZone,
  form,
}: {
  post: { id: number; permalink: string };
  comments: Comment[];
  /** The reader's own comments still awaiting moderation (remembered by their browser). */
  held: Comment[];
  timeZone: string;
  /** Null when comments are closed. */
  form: { submissionKey: string; shownAt: string; replyTo?: { id: number; name: string } } | null;
}) {
  const threads = threadComments(comments);
  const replyHref = (id: number) => (form ? `${post.permalink}?replyTo=${id}#comment-form` : undefined);
  return (
    <section id="comments" aria-labelledby="comments-heading" className="mt-10 scroll-mt-6">
      <h2 id="comments-heading" className="font-serif text-xl font-semibold">
        {commentCountLabel(comments.length)}:
      </h2>
      {threads.length > 0 ? (
        <ol className="mt-6 flex flex-col gap-6">
          {threads.map((thread) => (
            <li key={thread.id}>
              <CommentItem comment={thread} timeZone={timeZone} replyHref={replyHref(thread.id)} />
              {thread.replies.length > 0 ? (
                <ol className="mt-4 ml-4 flex flex-col gap-4 border-l-2 border-stone-200 pl-4 sm:ml-6 dark:border-stone-700">
                  {thread.replies.map((reply) => (
                    <li key={reply.id}>
                      <CommentItem comment={reply} timeZone={timeZone} replyHref={replyHref(thread.id)} />
                    </li>
                  ))}
                </ol>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
      {held.length > 0 ? (
        <ol aria-label="Your comments awaiting moderation" className="mt-6 flex flex-col gap-4 rounded-lg border border-amber-300 bg-amber-50 p-4 dark:border-amber-800 dark:bg-amber-950/40">
          {held.map((comment) => (
            <li key={comment.id}>
              <CommentItem comment={comment} timeZone={timeZone} held />
            </li>
          ))}
        </ol>
      ) : null}
      <div
        id="comment-form"
        className="mt-10 scroll-mt-6 rounded-lg bg-white p-5 shadow-sm ring-1 ring-stone-200 sm:p-6 dark:bg-stone-900 dark:ring-stone-800"
      >
        <h3 className="mb-4 font-serif text-lg font-semibold">Post a Comment</h3>
        {form ? (
          <CommentForm
            key={form.submissionKey}
            postId={post.id}
            permalink={post.permalink}
            submissionKey={form.submissionKey}
            shownAt={form.shownAt}
            replyTo={form.replyTo}
          />
        ) : (
          <p className="text-stone-700 dark:text-stone-300">Comments are closed on this post.</p>
        )}
      </div>
    </section>
  );
}
