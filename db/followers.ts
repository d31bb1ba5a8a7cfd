import 'server-only';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { getDb } from './client';
import { MAIL_PRIORITY } from './mail-outbox';
import { followers, mailOutbox, type Follower } from './schema';

/** Asking again within this time sends no second confirmation, so the form cannot be used to flood an inbox. */
export const CONFIRMATION_INTERVAL_MS = 60 * 60 * 1000;

export type FollowRequest = { kind: 'queued'; follower: Follower } | { kind: 'already-following' } | { kind: 'recently-sent' };

/**
 * Someone typed their address into the Follow by Email gadget. A new or unsubscribed address gets
 * a confirmation (`writeConfirmation` makes the mail for the row), at most one an hour per address;
 * a confirmed one gets nothing. One immediate transaction, so two quick submissions queue one mail.
 */
export async function requestFollow({
  email,
  now = new Date(),
  writeConfirmation,
}: {
  email: string;
  now?: Date;
  writeConfirmation: (follower: Follower) => { subject: string; text: string; html: string };
}): Promise<FollowRequest> {
  const address = email.trim().toLowerCase();
  return getDb().transaction(
    (tx): FollowRequest => {
      let follower = tx.select().from(followers).where(eq(followers.email, address)).get();
      if (follower?.status === 'confirmed') return { kind: 'already-following' };
      if (follower?.confirmationSentAt && now.getTime() - follower.confirmationSentAt.getTime() < CONFIRMATION_INTERVAL_MS) {
        return { kind: 'recently-sent' };
      }
      follower = follower
        ? tx.update(followers).set({ status: 'pending', confirmationSentAt: now }).where(eq(followers.id, follower.id)).returning().get()
        : tx.insert(followers).values({ email: address, createdAt: now, confirmationSentAt: now }).returning().get();
      const mail = writeConfirmation(follower);
      tx.insert(mailOutbox)
        .values({
          kind: 'follow-confirm',
          toAddress: address,
          followerId: follower.id,
          priority: MAIL_PRIORITY.urgent,
          subject: mail.subject,
          textBody: mail.text,
          htmlBody: mail.html,
        })
        .run();
      return { kind: 'queued', follower };
    },
    { behavior: 'immediate' },
  );
}

export type FollowChange = 'done' | 'already' | 'missing';

/** The confirmation link: the link names the row and its address, so an address changed since matches nothing. */
export async function confirmFollower({ id, email, now = new Date() }: { id: number; email: string; now?: Date }): Promise<FollowChange> {
  const row = getDb().select().from(followers).where(and(eq(followers.id, id), eq(followers.email, email))).get();
  if (!row) return 'missing';
  if (row.status === 'confirmed') return 'already';
  // Someone who unsubscribed since the link was sent is not signed up again by an old mail.
  if (row.status === 'unsubscribed') return 'missing';
  getDb().update(followers).set({ status: 'confirmed', confirmedAt: now }).where(eq(followers.id, id)).run();
  return 'done';
}

/** Unsubscribe: nothing more is sent, including copies of a post already queued (the sender checks). */
export async function unsubscribeFollower({ id, email, now = new Date() }: { id: number; email: string; now?: Date }): Promise<FollowChange> {
  const row = getDb().select().from(followers).where(and(eq(followers.id, id), eq(followers.email, email))).get();
  if (!row) return 'missing';
  if (row.status === 'unsubscribed') return 'already';
  getDb().update(followers).set({ status: 'unsubscribed', unsubscribedAt: now }).where(eq(followers.id, id)).run();
  return 'done';
}

export async function listFollowers(): Promise<Follower[]> {
  return getDb().select().from(followers).orderBy(asc(followers.email)).all();
}

export async function countFollowersByStatus(): Promise<Record<Follower['status'], number>> {
  const rows = getDb()
    .select({ status: followers.status, n: sql<number>`count(*)` })
    .from(followers)
    .groupBy(followers.status)
    .all();
  const counts = { pending: 0, confirmed: 0, unsubscribed: 0 };
  for (const row of rows) counts[row.status] = row.n;
  return counts;
}

/** An admin removes followers: their rows go, and with them any of their mail still waiting. */
export async function deleteFollowersByIds({ ids }: { ids: number[] }): Promise<number> {
  if (ids.length === 0) return 0;
  return getDb().delete(followers).where(inArray(followers.id, ids)).run().changes;
}
