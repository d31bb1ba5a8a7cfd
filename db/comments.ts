import 'server-only';
import { and, asc, desc, eq, gt, inArray, or, sql } from 'drizzle-orm';
import { getDb } from './client';
import { commentNotifications, comments, posts, type Comment, type NewComment } from './schema';
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

/** Blogger's ?showComment=MS links name a comment by its time: the published one on this post at that moment. */
export async function findCommentIdByTime({ postId, at }: { postId: number; at: Date }): Promise<number | undefined> {
  return getDb()
    .select({ id: comments.id })
    .from(comments)
    .where(and(eq(comments.postId, postId), eq(comments.status, 'published'), eq(comments.createdAt, at)))
    .get()?.id;
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

export type CommentAttempt =
  | { kind: 'created'; comment: Comment }
  | { kind: 'existing'; comment: Comment }
  | { kind: 'flood' }
  | { kind: 'duplicate' };

/**
 * Stores a reader's comment after the checks that need the database, in one immediate
 * transaction so parallel requests can't slip past them: the same form sent twice returns the
 * first comment; a second comment from the same IP or email inside the flood window, or the
 * same text again on the same post, is refused. `decide` picks the status once it knows
 * whether this name and email together already have an approved comment. A notification event is queued with it.
 */
export async function createCommentChecked({
  values,
  floodSince,
  decide,
  notifyRecipients,
}: {
  values: NewComment & { submissionKey: string; ipHash: string };
  floodSince: Date;
  decide: (trustedCommenter: boolean) => Comment['status'];
  notifyRecipients: string;
}): Promise<CommentAttempt> {
  const db = getDb();
  return db.transaction(
    (tx) => {
      const existing = tx.select().from(comments).where(eq(comments.submissionKey, values.submissionKey)).get();
      if (existing) return { kind: 'existing', comment: existing };

      const email = values.authorEmail ?? null;
      const recent = tx
        .select({ id: comments.id })
        .from(comments)
        .where(
          and(
            gt(comments.createdAt, floodSince),
            email ? or(eq(comments.ipHash, values.ipHash), eq(comments.authorEmail, email)) : eq(comments.ipHash, values.ipHash),
          ),
        )
        .limit(1)
        .get();
      if (recent) return { kind: 'flood' };

      const duplicate = tx
        .select({ id: comments.id })
        .from(comments)
        .where(
          and(
            eq(comments.postId, values.postId),
            eq(comments.body, values.body),
            email ? or(eq(comments.authorEmail, email), eq(comments.authorName, values.authorName)) : eq(comments.authorName, values.authorName),
          ),
        )
        .limit(1)
        .get();
      if (duplicate) return { kind: 'duplicate' };

      // WordPress's "previously approved comment" rule matches name and email together: a
      // regular's name is on every comment they wrote, so the email alone would let anyone who
      // learns it skip the hold. Case is ignored on both, as WordPress's MySQL collation does;
      // the email is compared lowercased, as the comment form stores it, so the index is used.
      const name = values.authorName.trim();
      const trusted =
        email && name
          ? tx
              .select({ id: comments.id })
              .from(comments)
              .where(
                and(
                  eq(comments.authorEmail, email.toLowerCase()),
                  eq(comments.status, 'published'),
                  sql`lower(trim(${comments.authorName})) = lower(${name})`,
                ),
              )
              .limit(1)
              .get() !== undefined
          : false;
      const comment = tx
        .insert(comments)
        .values({ ...values, status: decide(trusted) })
        .returning()
        .get();
      tx.insert(commentNotifications).values({ commentId: comment.id, recipients: notifyRecipients }).run();
      return { kind: 'created', comment };
    },
    { behavior: 'immediate' },
  );
}

/** A writer's own held comments on a post, by the ids their browser remembers. */
export async function listPendingCommentsByIds(postId: number, ids: number[]): Promise<Comment[]> {
  if (ids.length === 0) return [];
  return getDb()
    .select()
    .from(comments)
    .where(and(eq(comments.postId, postId), eq(comments.status, 'pending'), inArray(comments.id, ids)))
    .orderBy(asc(comments.createdAt))
    .all();
}

export async function getCommentById(id: number): Promise<Comment | undefined> {
  return getDb().select().from(comments).where(eq(comments.id, id)).get();
}

/** Comments per moderation tab; `authorId` counts only comments on that author's posts. */
export async function countCommentsByStatus({ authorId }: { authorId?: number } = {}): Promise<Record<Comment['status'], number>> {
  const rows = getDb()
    .select({ status: comments.status, n: sql<number>`count(*)` })
    .from(comments)
    .innerJoin(posts, eq(posts.id, comments.postId))
    .where(authorId === undefined ? undefined : eq(posts.authorId, authorId))
    .groupBy(comments.status)
    .all();
  const counts = { pending: 0, published: 0, spam: 0 };
  for (const row of rows) counts[row.status] = row.n;
  return counts;
}

export type ModerationRow = Comment & { postTitle: string; postPermalink: string | null; postAuthorId: number };

/** Comments in one moderation tab, newest first; `authorId` limits them to that author's posts. */
export async function listCommentsForModeration({
  status,
  authorId,
  limit,
}: {
  status: Comment['status'];
  authorId?: number;
  limit: number;
}): Promise<ModerationRow[]> {
  const rows = getDb()
    .select({ comment: comments, postTitle: posts.title, postPermalink: posts.permalink, postAuthorId: posts.authorId })
    .from(comments)
    .innerJoin(posts, eq(posts.id, comments.postId))
    .where(and(eq(comments.status, status), authorId === undefined ? undefined : eq(posts.authorId, authorId)))
    .orderBy(desc(comments.createdAt), desc(comments.id))
    .limit(limit)
    .all();
  return rows.map((r) => ({ ...r.comment, postTitle: r.postTitle, postPermalink: r.postPermalink, postAuthorId: r.postAuthorId }));
}

/** The comments among `ids` on posts this author may moderate (all posts for admins). */
export async function filterModeratableCommentIds(ids: number[], author: { id: number; role: string }): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = getDb()
    .select({ id: comments.id, postAuthorId: posts.authorId })
    .from(comments)
    .innerJoin(posts, eq(posts.id, comments.postId))
    .where(inArray(comments.id, ids))
    .all();
  return rows.filter((r) => author.role === 'admin' || r.postAuthorId === author.id).map((r) => r.id);
}

export async function setCommentsStatus({ ids, status }: { ids: number[]; status: Comment['status'] }): Promise<void> {
  if (ids.length === 0) return;
  getDb().update(comments).set({ status }).where(inArray(comments.id, ids)).run();
}

/** Deletes comments; their replies go with them (foreign key cascade), as on Blogger. */
export async function deleteCommentsByIds({ ids }: { ids: number[] }): Promise<void> {
  if (ids.length === 0) return;
  getDb().delete(comments).where(inArray(comments.id, ids)).run();
}

export async function countUnsentNotifications(): Promise<number> {
  const row = getDb()
    .select({ n: sql<number>`count(*)` })
    .from(commentNotifications)
    .where(sql`${commentNotifications.sentAt} is null`)
    .get();
  return row?.n ?? 0;
}

export async function countCommentsOnPost(postId: number): Promise<number> {
  const row = getDb().select({ n: sql<number>`count(*)` }).from(comments).where(eq(comments.postId, postId)).get();
  return row?.n ?? 0;
}
