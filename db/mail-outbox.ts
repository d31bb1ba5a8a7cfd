import 'server-only';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { getDb } from './client';
import { authors, comments, followers, mailOutbox, postMailings, posts, type MailMessage } from './schema';

export type MailKind = MailMessage['kind'];

/** Transactional mail first, then notices, then followers' copies of a post. */
export const MAIL_PRIORITY = { urgent: 0, notice: 1, bulk: 2 } as const;

export type NewMail = {
  kind: MailKind;
  toAddress: string;
  priority?: number;
  dedupeKey?: string;
  subject?: string;
  textBody?: string;
  htmlBody?: string;
  extraHeaders?: Record<string, string>;
  commentId?: number;
  postId?: number;
  followerId?: number;
};

/** Puts a message in the outbox; the sender takes it from there. Null when its dedupe key was already queued. */
export async function queueMail(mail: NewMail): Promise<number | null> {
  const row = getDb()
    .insert(mailOutbox)
    .values({ priority: MAIL_PRIORITY.notice, ...mail, toAddress: mail.toAddress.toLowerCase() })
    .onConflictDoNothing()
    .returning({ id: mailOutbox.id })
    .get();
  return row?.id ?? null;
}

/**
 * Takes the next message that is due, for `leaseMs`: one UPDATE … RETURNING, so two senders (two
 * servers on one database) can never take the same message. A sender that dies holding a lease
 * leaves the message to be taken again once the lease is over; the attempt still counts.
 */
export async function claimNextMail({ now = new Date(), leaseMs }: { now?: Date; leaseMs: number }): Promise<MailMessage | undefined> {
  const at = now.getTime();
  // An idle sender asks every second: a plain read first, so it takes the write lock only when there is work.
  const due = getDb()
    .$client.prepare(
      `select 1 from mail_outbox where status = 'waiting' and next_attempt_at <= ? and (lease_until is null or lease_until <= ?) limit 1`,
    )
    .get(at, at);
  if (!due) return undefined;
  const row = getDb()
    .$client.prepare(
      `update mail_outbox set lease_until = ?, attempts = attempts + 1
       where id = (select id from mail_outbox
                   where status = 'waiting' and next_attempt_at <= ? and (lease_until is null or lease_until <= ?)
                   order by priority, next_attempt_at, id limit 1)
       returning id`,
    )
    .get(at + leaseMs, at, at) as { id: number } | undefined;
  if (!row) return undefined;
  return getDb().select().from(mailOutbox).where(eq(mailOutbox.id, row.id)).get();
}

/** A message's content and Message-ID, written once before its first try, so every retry sends the same message. */
export async function saveRenderedMail({
  id,
  subject,
  textBody,
  htmlBody,
  extraHeaders,
  messageId,
}: {
  id: number;
  subject: string;
  textBody: string;
  htmlBody: string;
  extraHeaders: Record<string, string> | null;
  messageId: string;
}): Promise<void> {
  getDb().update(mailOutbox).set({ subject, textBody, htmlBody, extraHeaders, messageId }).where(eq(mailOutbox.id, id)).run();
}

/** The SMTP server accepted it. A password link is erased from the outbox then: only its hash is kept anywhere. */
export async function markMailSent({ id, response, now = new Date() }: { id: number; response: string; now?: Date }): Promise<void> {
  getDb()
    .update(mailOutbox)
    .set({
      status: 'sent',
      sentAt: now,
      leaseUntil: null,
      lastResponse: response,
      textBody: sql`case when ${mailOutbox.kind} = 'password-reset' then null else ${mailOutbox.textBody} end`,
      htmlBody: sql`case when ${mailOutbox.kind} = 'password-reset' then null else ${mailOutbox.htmlBody} end`,
    })
    .where(eq(mailOutbox.id, id))
    .run();
}

export async function markMailForRetry({ id, at, response }: { id: number; at: Date; response: string }): Promise<void> {
  getDb().update(mailOutbox).set({ nextAttemptAt: at, leaseUntil: null, lastResponse: response }).where(eq(mailOutbox.id, id)).run();
}

export async function markMailFailed({ id, response }: { id: number; response: string }): Promise<void> {
  getDb()
    .update(mailOutbox)
    .set({
      status: 'failed',
      leaseUntil: null,
      lastResponse: response,
      textBody: sql`case when ${mailOutbox.kind} = 'password-reset' then null else ${mailOutbox.textBody} end`,
      htmlBody: sql`case when ${mailOutbox.kind} = 'password-reset' then null else ${mailOutbox.htmlBody} end`,
    })
    .where(eq(mailOutbox.id, id))
    .run();
}

/** The comment a notice or reply notice is about, with its post; undefined when it is gone. */
export async function getCommentForMail(commentId: number) {
  return getDb()
    .select({
      comment: comments,
      post: { title: posts.title, permalink: posts.permalink },
    })
    .from(comments)
    .innerJoin(posts, eq(posts.id, comments.postId))
    .where(eq(comments.id, commentId))
    .get();
}

/** Whether an address still wants reply notices (one click on "Stop reply notices" turns them all off). */
export async function wantsReplyNotices(email: string): Promise<boolean> {
  const row = getDb()
    .select({ id: comments.id })
    .from(comments)
    .where(and(eq(comments.authorEmail, email.toLowerCase()), eq(comments.notifyReplies, true)))
    .limit(1)
    .get();
  return row !== undefined;
}

export async function getPostForMail(postId: number) {
  return getDb()
    .select({
      title: posts.title,
      permalink: posts.permalink,
      body: posts.body,
      publishedAt: posts.publishedAt,
      status: posts.status,
      authorName: authors.name,
    })
    .from(posts)
    .innerJoin(authors, eq(authors.id, posts.authorId))
    .where(eq(posts.id, postId))
    .get();
}

/**
 * Posts whose time has come are copied to every confirmed follower, in one transaction with the
 * post's row marked queued, so a post is fanned out once, whatever restarts or edits follow. A
 * scheduled post becomes due when readers can see it, never before.
 */
export async function queueDuePostMailings({ now = new Date() }: { now?: Date } = {}): Promise<{ postId: number; recipients: number }[]> {
  const db = getDb();
  const anyDue = db
    .select({ postId: postMailings.postId })
    .from(postMailings)
    .innerJoin(posts, eq(posts.id, postMailings.postId))
    .where(and(eq(postMailings.state, 'waiting'), inArray(posts.status, ['published', 'scheduled']), sql`${posts.publishedAt} <= ${now.getTime()}`))
    .limit(1)
    .get();
  // Asked every second: the write transaction only when a post is due.
  if (!anyDue) return [];
  return db.transaction(
    (tx) => {
      const due = tx
        .select({ postId: postMailings.postId })
        .from(postMailings)
        .innerJoin(posts, eq(posts.id, postMailings.postId))
        .where(
          and(
            eq(postMailings.state, 'waiting'),
            eq(posts.type, 'post'),
            inArray(posts.status, ['published', 'scheduled']),
            sql`${posts.publishedAt} <= ${now.getTime()}`,
          ),
        )
        .all();
      return due.map(({ postId }) => {
        const result = tx.run(sql`
          insert into mail_outbox (kind, to_address, post_id, follower_id, priority, dedupe_key)
          select 'post', email, ${postId}, id, ${MAIL_PRIORITY.bulk}, 'post:' || ${postId} || ':' || id
          from followers where status = 'confirmed' order by id
          on conflict (dedupe_key) do nothing`);
        tx.update(postMailings)
          .set({ state: 'queued', queuedAt: now, recipients: result.changes })
          .where(eq(postMailings.postId, postId))
          .run();
        return { postId, recipients: result.changes };
      });
    },
    { behavior: 'immediate' },
  );
}

export type OutboxCounts = Record<MailMessage['status'], number>;

export async function countOutboxByStatus(): Promise<OutboxCounts> {
  const rows = getDb()
    .select({ status: mailOutbox.status, n: sql<number>`count(*)` })
    .from(mailOutbox)
    .groupBy(mailOutbox.status)
    .all();
  const counts: OutboxCounts = { waiting: 0, sent: 0, failed: 0 };
  for (const row of rows) counts[row.status] = row.n;
  return counts;
}

/** The newest messages for Admin → Settings: what waits, what went, what failed and why. */
export async function listRecentMail({ limit }: { limit: number }) {
  return getDb()
    .select({
      id: mailOutbox.id,
      kind: mailOutbox.kind,
      toAddress: mailOutbox.toAddress,
      subject: mailOutbox.subject,
      status: mailOutbox.status,
      attempts: mailOutbox.attempts,
      nextAttemptAt: mailOutbox.nextAttemptAt,
      lastResponse: mailOutbox.lastResponse,
      createdAt: mailOutbox.createdAt,
      sentAt: mailOutbox.sentAt,
    })
    .from(mailOutbox)
    .orderBy(desc(mailOutbox.id))
    .limit(limit)
    .all();
}

/** For tests and the reliability check: every message's id, Message-ID and status. */
export async function listOutboxIds() {
  return getDb()
    .select({ id: mailOutbox.id, messageId: mailOutbox.messageId, status: mailOutbox.status, toAddress: mailOutbox.toAddress })
    .from(mailOutbox)
    .all();
}

export async function getFollowerById(id: number) {
  return getDb().select().from(followers).where(eq(followers.id, id)).get();
}
