import 'server-only';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { getDb } from './client';
import { comments, posts, type Comment, type NewComment } from './schema';
import { visiblePostFilter } from './visibility';

/** Published comment counts of many posts in one query; posts without comments are absent. */
export async function countPublishedCommentsByPostIds(postIds: number[]): Promise<Map<number, number>> {
  if (postIds.length === 0) return new Map();
  const rows = getDb()
    .select({ postId: comments.postId, count: sql<number>`count(*)` })
    .from(comments)
    .where(and(inArray(comments.postId, postIds), eq(comments.status, 'published')))
    .groupBy(comments.postId)
    .all();
  return new Map(rows.map((row) => [row.postId, row.count]));
}

export async function listPublishedCommentsByPostId(postId: number): Promise<Comment[]> {
  return getDb()
    .select()
    .from(comments)
    .where(and(eq(comments.postId, postId), eq(comments.status, 'published')))
    .orderBy(asc(comments.createdAt), asc(comments.id))
    .all();
}

export async function createComment(values: NewComment): Promise<Comment> {
  return getDb().insert(comments).values(values).returning().get();
}

export type RecentComment = Comment & { postTitle: string; postPermalink: string };

/** The newest published comments on visible posts, blog-wide or on one post, for comment feeds. */
export async function listRecentPublishedComments({
  postId,
  limit,
  now = new Date(),
}: {
  postId?: number;
  limit: number;
  now?: Date;
}): Promise<RecentComment[]> {
  const rows = getDb()
    .select({ comment: comments, postTitle: posts.title, postPermalink: posts.permalink })
    .from(comments)
    .innerJoin(posts, eq(posts.id, comments.postId))
    .where(
      and(
        eq(comments.status, 'published'),
        visiblePostFilter(now),
        postId === undefined ? undefined : eq(comments.postId, postId),
      ),
    )
    .orderBy(desc(comments.createdAt), desc(comments.id))
    .limit(limit)
    .all();
  return rows.map((row) => ({ ...row.comment, postTitle: row.postTitle, postPermalink: row.postPermalink ?? '' }));
}
