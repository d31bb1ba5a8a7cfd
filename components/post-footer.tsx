import Link from 'next/link';
import { commentCountLabel } from '@/lib/comments/comments';
import { formatTime } from '@/lib/reading/dates';
import { authorPath, labelPath } from '@/lib/posts/permalink';
import type { PostSummary } from '@/db/posts';

/** Blogger's post footer: "Posted by NAME at 10:04 AM · No comments · Labels: A, B". */
export function PostFooter({ post, timeZone }: { post: PostSummary; timeZone: string }) {
  return (
    <footer className="mt-6 flex flex-wrap items-baseline gap-x-2 gap-y-1 border-t border-stone-200 pt-4 text-sm text-stone-600 dark:border-stone-800 dark:text-stone-400">
      <span>
        Posted by{' '}
        {post.authorSlug ? (
          <Link href={authorPath(post.authorSlug)} rel="author" className="font-medium text-stone-800 hover:underline dark:text-stone-200">
            {post.authorName}
          </Link>
        ) : (
          <span className="font-medium text-stone-800 dark:text-stone-200">{post.authorName}</span>
        )}{' '}
        at{' '}
        <Link href={post.permalink} className="hover:underline">
          <time dateTime={post.publishedAt.toISOString()}>{formatTime(post.publishedAt, timeZone)}</time>
        </Link>
      </span>
      <span aria-hidden="true">·</span>
      <Link href={`${post.permalink}#comments`} className="link">
        {commentCountLabel(post.commentCount)}
      </Link>
      {post.labels.length > 0 ? (
        <>
          <span aria-hidden="true">·</span>
          <span>
            Labels:{' '}
            {post.labels.map((label, i) => (
              <span key={label}>
                {i > 0 ? ', ' : null}
                <Link href={labelPath(label)} className="link" rel="tag">
                  {label}
                </Link>
              </span>
            ))}
          </span>
        </>
      ) : null}
    </footer>
  );
}
