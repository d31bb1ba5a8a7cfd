import Link from 'next/link';
import { listVisiblePosts } from '@/db/posts';
import type { Settings } from '@/db/schema';
import { PostList } from './post-list';

/**
 * A page of the newest posts, with Blogger's "Older Posts" link. Paging is a keyset on the
 * publish time (/search?updated-max=…), so a link stays right while new posts arrive.
 */
export async function PostListing({
  settings,
  before,
  limit,
}: {
  settings: Settings;
  before?: Date;
  limit?: number;
}) {
  const pageSize = limit ?? settings.postsPerPage;
  const page = await listVisiblePosts({ before, limit: pageSize + 1 });
  const posts = page.slice(0, pageSize);
  const last = posts.at(-1);
  const olderHref =
    page.length > pageSize && last
      ? `/search?updated-max=${encodeURIComponent(last.publishedAt.toISOString())}&max-results=${pageSize}`
      : null;

  if (posts.length === 0) {
    return (
      <div className="rounded-lg bg-white p-8 text-center shadow-sm ring-1 ring-stone-200 dark:bg-stone-900 dark:ring-stone-800">
        <p className="font-serif text-xl">{before ? 'There are no older posts.' : 'No posts yet.'}</p>
        <p className="mt-2 text-stone-600 dark:text-stone-400">
          <Link href="/" className="link">
            Home
          </Link>
        </p>
      </div>
    );
  }

  return (
    <>
      <PostList posts={posts} timeZone={settings.timezone} />
      <nav aria-label="Blog pages" className="mt-10 flex items-center justify-between gap-4 text-sm font-medium">
        <span>{before ? <Link href="/" className="link">Newer Posts</Link> : null}</span>
        <Link href="/" className="link">
          Home
        </Link>
        <span>
          {olderHref ? (
            <Link href={olderHref} className="link">
              Older Posts
            </Link>
          ) : null}
        </span>
      </nav>
    </>
  );
}
