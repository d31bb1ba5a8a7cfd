import Link from 'next/link';
import { listNewerPublishTimes, listVisiblePosts, type ListFilter } from '@/db/posts';
import type { Settings } from '@/db/schema';
import { PostList } from './post-list';

export const MAX_RESULTS = 50;

function pageHref(basePath: string, before: Date, limit: number): string {
  const params = new URLSearchParams({ 'updated-max': before.toISOString(), 'max-results': String(limit) });
  return `${basePath}?${params.toString()}`;
}

/**
 * A page of posts with Blogger's "Newer Posts · Home · Older Posts" links. Paging is a keyset
 * on the publish time (?updated-max=…&max-results=N, as Blogger does), so a link keeps
 * pointing at the same posts while new ones arrive.
 */
export async function PostListing({
  settings,
  basePath,
  filter,
  before,
  limit,
  empty,
}: {
  settings: Settings;
  /** Where paging links point: /search for the home page, the label or archive path otherwise. */
  basePath: string;
  filter?: ListFilter;
  before?: Date;
  limit?: number;
  empty: React.ReactNode;
}) {
  const pageSize = Math.min(limit ?? settings.postsPerPage, MAX_RESULTS);
  const page = await listVisiblePosts({ before, limit: pageSize + 1, filter });
  const posts = page.slice(0, pageSize);
  const first = posts[0];
  const last = posts.at(-1);

  let newerHref: string | null = null;
  if (before && first) {
    const newer = await listNewerPublishTimes({ after: first.publishedAt, limit: pageSize + 1, filter });
    if (newer.length > 0) {
      // The newer page ends just before this one; if it reaches the newest post, it is the first page.
      const top = newer.length > pageSize ? newer[pageSize - 1]! : null;
      const firstPage = basePath === '/search' ? '/' : basePath;
      newerHref = top ? pageHref(basePath, new Date(top.getTime() + 1), pageSize) : firstPage;
    }
  }
  const olderHref =
    page.length > pageSize && last ? pageHref(basePath, last.publishedAt, pageSize) : null;

  if (posts.length === 0) {
    return (
      <div className="rounded-lg bg-white p-8 text-center shadow-sm ring-1 ring-stone-200 dark:bg-stone-900 dark:ring-stone-800">
        <div className="font-serif text-xl">{empty}</div>
        <p className="mt-3 text-stone-600 dark:text-stone-400">
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
      <nav aria-label="Blog pages" className="mt-10 grid grid-cols-3 items-baseline gap-4 text-sm font-medium">
        <span>
          {newerHref ? (
            <Link href={newerHref} className="link" rel="prev">
              Newer Posts
            </Link>
          ) : null}
        </span>
        <Link href="/" className="link justify-self-center">
          Home
        </Link>
        <span className="justify-self-end">
          {olderHref ? (
            <Link href={olderHref} className="link" rel="next">
              Older Posts
            </Link>
          ) : null}
        </span>
      </nav>
    </>
  );
}
