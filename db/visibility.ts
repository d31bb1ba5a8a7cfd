import 'server-only';
import { and, eq, isNotNull, lte, sql, type Placeholder } from 'drizzle-orm';
import { posts } from './schema';

/**
 * A post is visible to readers once its publish time has come: a scheduled post appears at
 * its time because visibility is decided when the page is read, not by a job that can miss.
 */
export function visiblePostFilter(now: Date | Placeholder, type: 'post' | 'page' | Placeholder = 'post') {
  return and(
    eq(posts.type, type),
    // Written as literals, not parameters: SQLite uses the partial index posts_visible_idx only
    // when it can see the query's condition matches the index's, which walks posts newest first
    // with no sort, however many there are.
    sql`${posts.status} in ('published', 'scheduled')`,
    isNotNull(posts.publishedAt),
    lte(posts.publishedAt, now),
  );
}

/**
 * The time to give visiblePostFilter when a query also keeps below an earlier one (the post before
 * this one, an older page's keyset, an archive's end): the earliest of them. The posts are the same,
 * but SQLite seeks the index to one upper bound only, and given `<= now` beside `< before` it may
 * seek to now and walk down past every newer post first: 6 ms for the post before a 2011 post on a
 * 100,000-post blog, against 0.01 ms when both bounds are the same time.
 */
export function visibleUntil(now: Date, ...bounds: (Date | undefined)[]): Date {
  return bounds.reduce<Date>((earliest, bound) => (bound && bound < earliest ? bound : earliest), now);
}

/**
 * visiblePostFilter for rows already named by id (a page of search hits): the same rule, with each
 * term behind SQLite's unary `+`, which keeps it out of index choice. Otherwise SQLite prefers the
 * listing index's range over every visible post to ten primary-key lookups: 15–45 ms per search
 * page on a 100,000-post blog, against well under 1 ms.
 */
export function visibleByIdFilter(now: Date) {
  return sql`(+${posts.type} = 'post' and +${posts.status} in ('published', 'scheduled') and +${posts.publishedAt} is not null and +${posts.publishedAt} <= ${now.getTime()})`;
}
