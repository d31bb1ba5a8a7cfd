import 'server-only';
import { and, asc, desc, eq, gt, inArray, or, sql } from 'drizzle-orm';
import { getDb, type Db } from './client';
import { MAIL_PRIORITY } from './mail-outbox';
import { comments, mailOutbox, posts, type Comment, type NewComment } from './schema';
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

export type CommentSubmission = {
  values: NewComment & { submissionKey: string; ipHash: string };
  floodSince: Date;
  decide: (trustedCommenter: boolean) => Comment['status'];
  /** Who is mailed about it (the post's author, the blog's notification addresses); never about spam. */
  notifyAddresses: string[];
};

/**
 * Stores a reader's comment after the checks that need the database, inside an immediate
 * transaction so parallel requests can't slip past them: the same form sent twice returns the
 * first comment; a second comment from the same IP or email inside the flood window, or the
 * same text again on the same post, is refused. `decide` picks the status once it knows
 * whether this name and email together already have an approved comment. Its notices are queued in the
 * outbox in the same transaction (and reply notices, when it is a published reply), so none is lost.
 *
 * Group commit: with `synchronous = FULL` every COMMIT waits for the disk, so comments that arrive
 * while one is being written wait for the next batch and share its single transaction and flush.
 * Inside it each comment is checked and stored in arrival order, so comments in one batch see each
 * other exactly as if they had been sent one after another. The promise settles only once its
 * batch is committed: if the transaction fails, every comment in it is refused and none is stored,
 * so nothing is acknowledged that a power cut could lose. A comment whose own write fails (say,
 * its post was deleted a moment before) is rolled back alone, to a savepoint, and refused alone.
 */
export function createCommentChecked(submission: CommentSubmission): Promise<CommentAttempt> {
  const writer = commentWriter(getDb());
  return new Promise((resolve, reject) => {
    writer.waiting.push({ submission, resolve, reject });
    if (writer.waiting.length === 1) setImmediate(() => writeBatch(writer));
  });
}

type Waiting = { submission: CommentSubmission; resolve: (attempt: CommentAttempt) => void; reject: (error: unknown) => void };
type Outcome = { attempt: CommentAttempt } | { error: unknown };
type CommentWriter = { waiting: Waiting[]; write: (batch: Waiting[]) => Outcome[] };

// Per connection, as its transactions are: a reopened database gets a writer of its own.
const commentWriters = new WeakMap<Db, CommentWriter>();

function commentWriter(db: Db): CommentWriter {
  let writer = commentWriters.get(db);
  if (!writer) {
    const sqlite = db.$client;
    // Building and preparing these queries cost more than running them: once per connection.
    const statements = prepareCommentStatements(db);
    const store = sqlite.transaction((submission: CommentSubmission) => checkAndStoreComment(statements, submission));
    const batch = sqlite.transaction((list: Waiting[]) =>
      list.map((item): Outcome => {
        try {
          // Called inside the batch's transaction, `store` runs in a savepoint of its own.
          return { attempt: store(item.submission) };
        } catch (error) {
          // Disk full, I/O errors and the like end the whole transaction: then the batch fails.
          if (!sqlite.inTransaction) throw error;
          return { error };
        }
      }),
    );
    writer = { waiting: [], write: (list) => batch.immediate(list) };
    commentWriters.set(db, writer);
  }
  return writer;
}

function writeBatch(writer: CommentWriter): void {
  const batch = writer.waiting;
  writer.waiting = [];
  let outcomes: Outcome[];
  try {
    outcomes = writer.write(batch);
  } catch (error) {
    for (const item of batch) item.reject(error);
    return;
  }
  batch.forEach((item, i) => {
    const outcome = outcomes[i]!;
    if ('attempt' in outcome) item.resolve(outcome.attempt);
    else item.reject(outcome.error);
  });
}

function prepareCommentStatements(db: Db) {
  const p = (name: string) => sql.placeholder(name);
  return {
    bySubmissionKey: db.select().from(comments).where(eq(comments.submissionKey, p('key'))).prepare(),
    // Timestamps in conditions are bound as stored (milliseconds); in inserts the columns convert them.
    recentByIp: db
      .select({ id: comments.id })
      .from(comments)
      .where(and(gt(comments.createdAt, p('since')), eq(comments.ipHash, p('ipHash'))))
      .limit(1)
      .prepare(),
    recentByIpOrEmail: db
      .select({ id: comments.id })
      .from(comments)
      .where(and(gt(comments.createdAt, p('since')), or(eq(comments.ipHash, p('ipHash')), eq(comments.authorEmail, p('email')))))
      .limit(1)
      .prepare(),
    sameWordsByName: db
      .select({ id: comments.id })
      .from(comments)
      .where(and(eq(comments.postId, p('postId')), eq(comments.body, p('body')), eq(comments.authorName, p('name'))))
      .limit(1)
      .prepare(),
    sameWordsByEmailOrName: db
      .select({ id: comments.id })
      .from(comments)
      .where(
        and(
          eq(comments.postId, p('postId')),
          eq(comments.body, p('body')),
          or(eq(comments.authorEmail, p('email')), eq(comments.authorName, p('name'))),
        ),
      )
      .limit(1)
      .prepare(),
    // WordPress's "previously approved comment" rule matches name and email together: a
    // regular's name is on every comment they wrote, so the email alone would let anyone who
    // learns it skip the hold. Case is ignored on both, as WordPress's MySQL collation does;
    // the email is compared lowercased, as the comment form stores it, so the index is used.
    approvedByNameAndEmail: db
      .select({ id: comments.id })
      .from(comments)
      .where(
        and(
          eq(comments.authorEmail, p('email')),
          eq(comments.status, 'published'),
          sql`lower(trim(${comments.authorName})) = lower(${p('name')})`,
        ),
      )
      .limit(1)
      .prepare(),
    insertComment: db
      .insert(comments)
      .values({
        postId: p('postId'),
        parentId: p('parentId'),
        authorName: p('authorName'),
        authorEmail: p('authorEmail'),
        authorUrl: p('authorUrl'),
        body: p('body'),
        status: p('status'),
        isPostAuthor: p('isPostAuthor'),
        ipHash: p('ipHash'),
        submissionKey: p('submissionKey'),
        sourceId: p('sourceId'),
        legacyAnchor: p('legacyAnchor'),
        notifyReplies: p('notifyReplies'),
        createdAt: p('createdAt'),
      })
      .returning()
      .prepare(),
    insertNotice: db
      .insert(mailOutbox)
      .values({ kind: 'comment', toAddress: p('to'), commentId: p('commentId'), priority: MAIL_PRIORITY.notice, dedupeKey: p('key') })
      .onConflictDoNothing()
      .prepare(),
    queueReplyNotices: db.$client.prepare(REPLY_NOTICES_SQL),
  };
}

/**
 * A published reply is mailed to everyone earlier in its thread who ticked "Email me replies"
 * (the top comment and its replies; replies hang one level deep), each address once, never to the
 * reply's own writer. The dedupe key makes approving a held reply after the fact queue nothing twice.
 */
const REPLY_NOTICES_SQL = `
  insert into mail_outbox (kind, to_address, comment_id, priority, dedupe_key)
  select distinct 'reply', c.author_email, r.id, ${MAIL_PRIORITY.notice}, 'reply:' || r.id || ':' || c.author_email
  from comments r
  join comments c on (c.id = r.parent_id or c.parent_id = r.parent_id)
  where r.id = ? and r.status = 'published' and r.parent_id is not null
    and c.id <> r.id and c.notify_replies = 1 and c.status = 'published'
    and c.author_email is not null and c.author_email <> coalesce(r.author_email, '')
  on conflict (dedupe_key) do nothing`;

type CommentStatements = ReturnType<typeof prepareCommentStatements>;

function checkAndStoreComment(s: CommentStatements, { values, floodSince, decide, notifyAddresses }: CommentSubmission): CommentAttempt {
  const existing = s.bySubmissionKey.get({ key: values.submissionKey });
  if (existing) return { kind: 'existing', comment: existing };

  const email = values.authorEmail ?? null;
  const since = floodSince.getTime();
  const recent = email
    ? s.recentByIpOrEmail.get({ since, ipHash: values.ipHash, email })
    : s.recentByIp.get({ since, ipHash: values.ipHash });
  if (recent) return { kind: 'flood' };

  const duplicate = email
    ? s.sameWordsByEmailOrName.get({ postId: values.postId, body: values.body, email, name: values.authorName })
    : s.sameWordsByName.get({ postId: values.postId, body: values.body, name: values.authorName });
  if (duplicate) return { kind: 'duplicate' };

  const name = values.authorName.trim();
  const trusted = email && name ? s.approvedByNameAndEmail.get({ email: email.toLowerCase(), name }) !== undefined : false;
  const comment = s.insertComment.get({
    postId: values.postId,
    parentId: values.parentId ?? null,
    authorName: values.authorName,
    authorEmail: email,
    authorUrl: values.authorUrl ?? null,
    body: values.body,
    status: decide(trusted),
    isPostAuthor: values.isPostAuthor ?? false,
    ipHash: values.ipHash,
    submissionKey: values.submissionKey,
    sourceId: values.sourceId ?? null,
    legacyAnchor: values.legacyAnchor ?? null,
    notifyReplies: Boolean(email && values.notifyReplies),
    createdAt: values.createdAt ?? new Date(),
  })!;
  if (comment.status !== 'spam') {
    for (const to of new Set(notifyAddresses.map((a) => a.toLowerCase()))) {
      s.insertNotice.run({ to, commentId: comment.id, key: `comment:${comment.id}:${to}` });
    }
  }
  if (comment.status === 'published' && comment.parentId !== null) s.queueReplyNotices.run(comment.id);
  return { kind: 'created', comment };
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

/** Moderation; a reply that becomes published is mailed to its thread's followers in the same transaction. */
export async function setCommentsStatus({ ids, status }: { ids: number[]; status: Comment['status'] }): Promise<void> {
  if (ids.length === 0) return;
  const db = getDb();
  db.transaction(
    (tx) => {
      tx.update(comments).set({ status }).where(inArray(comments.id, ids)).run();
      if (status !== 'published') return;
      const queue = db.$client.prepare(REPLY_NOTICES_SQL);
      for (const id of ids) queue.run(id);
    },
    { behavior: 'immediate' },
  );
}

/** "Stop reply notices": every comment from this address stops asking for them. */
export async function stopReplyNoticesByEmail(email: string): Promise<number> {
  return getDb()
    .update(comments)
    .set({ notifyReplies: false })
    .where(and(eq(comments.authorEmail, email.toLowerCase()), eq(comments.notifyReplies, true)))
    .run().changes;
}

/** Deletes comments; their replies go with them (foreign key cascade), as on Blogger. */
export async function deleteCommentsByIds({ ids }: { ids: number[] }): Promise<void> {
  if (ids.length === 0) return;
  getDb().delete(comments).where(inArray(comments.id, ids)).run();
}

export async function countCommentsOnPost(postId: number): Promise<number> {
  const row = getDb().select({ n: sql<number>`count(*)` }).from(comments).where(eq(comments.postId, postId)).get();
  return row?.n ?? 0;
}
