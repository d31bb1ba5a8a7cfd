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
