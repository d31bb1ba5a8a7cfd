import Link from 'next/link';
import type { Post } from '@/db/schema';
import { deletePostAction } from './actions';

/** "Delete this post?" — a page of its own, so deleting works without JavaScript and never by accident. */
export function DeleteScreen({ post, commentCount, editHref }: { post: Post; commentCount: number; editHref: string }) {
  const noun = post.type === 'page' ? 'page' : 'post';
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="font-serif text-3xl font-semibold">Delete this {noun}?</h1>
      <p className="mt-4">
        “<strong>{post.title}</strong>” will be deleted
        {commentCount > 0 ? ` with its ${commentCount === 1 ? 'comment' : `${commentCount} comments`}` : ''}. This cannot be undone.
      </p>
      {post.status === 'published' ? (
        <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">
          Readers following links to {post.permalink} will find a “page not found”. Reverting it to a draft hides it instead.
        </p>
      ) : null}
      <form action={deletePostAction} className="mt-6 flex gap-3">
        <input type="hidden" name="id" value={post.id} />
        <button type="submit" className="btn bg-red-700 text-white hover:bg-red-800">
          Delete {noun}
        </button>
        <Link href={editHref} className="btn-secondary">
          Cancel
        </Link>
      </form>
    </div>
  );
}
