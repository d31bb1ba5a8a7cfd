import 'server-only';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { getDb } from './client';
import { comments, type Comment, type NewComment } from './schema';

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
