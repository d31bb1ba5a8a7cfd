import type { Comment } from '@/db/schema';
import { commentCountLabel, threadComments } from '@/lib/comments';
import { formatDateTime } from '@/lib/dates';
import { CommentForm } from './comment-form';

function CommentItem({ comment, timeZone }: { comment: Comment; timeZone: string }) {
  const name = comment.authorUrl ? (
    <a href={comment.authorUrl} rel="ugc nofollow noopener" className="link font-semibold">
      {comment.authorName}
    </a>
  ) : (
    <span className="font-semibold">{comment.authorName}</span>
  );
  return (
    <article id={`c${comment.id}`} className="scroll-mt-6">
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
      <div className="mt-1.5 leading-relaxed whitespace-pre-line break-words">{comment.body}</div>
    </article>
  );
}

/** Blogger's comment section: "3 comments:", the comments oldest first with replies, then the form. */
export function CommentSection({
  postId,
  comments,
  timeZone,
}: {
  postId: number;
  comments: Comment[];
  timeZone: string;
}) {
  const threads = threadComments(comments);
  return (
    <section id="comments" aria-labelledby="comments-heading" className="mt-10 scroll-mt-6">
      <h2 id="comments-heading" className="font-serif text-xl font-semibold">
        {commentCountLabel(comments.length)}:
      </h2>
      {threads.length > 0 ? (
        <ol className="mt-6 flex flex-col gap-6">
          {threads.map((thread) => (
            <li key={thread.id}>
              <CommentItem comment={thread} timeZone={timeZone} />
              {thread.replies.length > 0 ? (
                <ol className="mt-4 ml-4 flex flex-col gap-4 border-l-2 border-stone-200 pl-4 sm:ml-6 dark:border-stone-700">
                  {thread.replies.map((reply) => (
                    <li key={reply.id}>
                      <CommentItem comment={reply} timeZone={timeZone} />
                    </li>
                  ))}
                </ol>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
      <div className="mt-10 rounded-lg bg-white p-5 shadow-sm ring-1 ring-stone-200 sm:p-6 dark:bg-stone-900 dark:ring-stone-800">
        <h3 className="mb-4 font-serif text-lg font-semibold">Post a Comment</h3>
        <CommentForm postId={postId} />
      </div>
    </section>
  );
}
