import 'server-only';
import { and, eq, inArray, isNotNull, lte } from 'drizzle-orm';
import { posts } from './schema';

/**
 * A post is visible to readers once its publish time has come: a scheduled post appears at
 * its time because visibility is decided when the page is read, not by a job that can miss.
 */
export function visiblePostFilter(now: Date, type: 'post' | 'page' = 'post') {
  return and(
    eq(posts.type, type),
    inArray(posts.status, ['published', 'scheduled']),
    isNotNull(posts.publishedAt),
    lte(posts.publishedAt, now),
  );
}
