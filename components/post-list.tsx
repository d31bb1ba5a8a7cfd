import Link from 'next/link';
import type { PostSummary } from '@/db/posts';
import { splitAtMore } from '@/lib/posts/content';
import { groupByDay } from '@/lib/reading/dates';
import { DateHeader } from './date-header';
import { PostBody } from './post-body';
import { PostFooter } from './post-footer';

/** Posts under Blogger-style date headers, each with its body up to the jump break, and its footer. */
export function PostList({ posts, timeZone }: { posts: PostSummary[]; timeZone: string }) {
  return (
    <div className="flex flex-col gap-10">
      {groupByDay(posts, (p) => p.publishedAt, timeZone).map((group) => (
        <section key={group.day.toISOString()}>
          <DateHeader date={group.day} timeZone={timeZone} />
          <div className="flex flex-col gap-8">
            {group.items.map((post) => (
              <article
                key={post.id}
                className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-stone-200 sm:p-8 dark:bg-stone-900 dark:ring-stone-800"
              >
                <h2 className="mb-4 font-serif text-2xl leading-snug font-semibold sm:text-3xl">
                  <Link href={post.permalink} className="hover:text-accent dark:hover:text-orange-300">
                    {post.title}
                  </Link>
                </h2>
                <PostIntro post={post} />
                <PostFooter post={post} timeZone={timeZone} />
              </article>
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}

function PostIntro({ post }: { post: PostSummary }) {
  const { intro, hasMore } = splitAtMore(post.body);
  return (
    <>
      <PostBody html={intro} />
      {hasMore ? (
        <p className="mt-4">
          <Link href={`${post.permalink}#more`} className="link font-medium">
            Read more<span className="sr-only"> of “{post.title}”</span> »
          </Link>
        </p>
      ) : null}
    </>
  );
}
