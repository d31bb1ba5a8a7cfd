import Link from 'next/link';
import type { Post } from '@/db/schema';
import { PostBody } from '@/components/post-body';

/** A draft as readers will see it, at a URL only signed-in authors can open. */
export function PreviewScreen({ post, editHref }: { post: Post & { labels: string[] }; editHref: string }) {
  return (
    <div className="mx-auto max-w-3xl">
      <div role="note" className="mb-6 flex flex-wrap items-center justify-between gap-3 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-200">
        <span>Preview: only signed-in authors can see this page.</span>
        <Link href={editHref} className="link font-medium">
          Back to the editor
        </Link>
      </div>
      <article className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-stone-200 sm:p-8 dark:bg-stone-900 dark:ring-stone-800">
        <h1 className="mb-4 font-serif text-3xl leading-tight font-semibold sm:text-4xl">{post.title}</h1>
        <PostBody html={post.body} />
        {post.labels.length > 0 ? (
          <p className="mt-6 border-t border-stone-200 pt-4 text-sm text-stone-600 dark:border-stone-800 dark:text-stone-400">
            Labels: {post.labels.join(', ')}
          </p>
        ) : null}
      </article>
    </div>
  );
}
