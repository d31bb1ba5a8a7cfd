import 'server-only';
import { and, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import { getDb, type Db, type Tx } from './client';
import { MAIL_PRIORITY } from './mail-outbox';
import { authors, mailOutbox, passwordResetTokens } from './schema';


export type ResetTokenLookup =
  | { status: 'valid'; author: { id: number; name: string; email: string } }
  | { status: 'missing' | 'expired' | 'used' };

// Used and expired rows stay this long, so a late click is told "used" or "expired" rather than "unknown".
const KEEP_SPENT_MS = 7 * 24 * 60 * 60 * 1000;

/** Stores a new link's hash; the author's earlier unused links stop working. */
export async function createPasswordResetToken({
  authorId,
  tokenHash,
  expiresAt,
  now = new Date(),
}: {
  authorId: number;
  tokenHash: string;
  expiresAt: Date;
  now?: Date;
}): Promise<void> {
  getDb().transaction(
    (tx) => {
      tx.delete(passwordResetTokens).where(and(eq(passwordResetTokens.authorId, authorId), isNull(passwordResetTokens.usedAt))).run();
      tx.delete(passwordResetTokens).where(lt(passwordResetTokens.expiresAt, new Date(now.getTime() - KEEP_SPENT_MS))).run();
      tx.insert(passwordResetTokens).values({ authorId, tokenHash, createdAt: now, expiresAt }).run();
    },
    { behavior: 'immediate' },
  );
}

function lookUp(db: Db | Tx, { tokenHash, now }: { tokenHash: string; now: Date }) {
  const row = db
    .select({
      id: passwordResetTokens.id,
      expiresAt: passwordResetTokens.expiresAt,
      usedAt: passwordResetTokens.usedAt,
      author: { id: authors.id, name: authors.name, email: authors.email, disabledAt: authors.disabledAt },
    })
    .from(passwordResetTokens)
    .innerJoin(authors, eq(authors.id, passwordResetTokens.authorId))
    .where(eq(passwordResetTokens.tokenHash, tokenHash))
    .get();
  // A disabled author has no way in, whoever made the link.
  if (!row || row.author.disabledAt) return { status: 'missing' as const };
  if (row.usedAt) return { status: 'used' as const };
  if (row.expiresAt.getTime() <= now.getTime()) return { status: 'expired' as const };
  return { status: 'valid' as const, row };
}

/** What a link is worth now, without using it (opening the page must not spend it). */
export async function findPasswordResetToken({ tokenHash, now = new Date() }: { tokenHash: string; now?: Date }): Promise<ResetTokenLookup> {
  const found = lookUp(getDb(), { tokenHash, now });
  if (found.status !== 'valid') return { status: found.status };
  const { id, name, email } = found.row.author;
  return { status: 'valid', author: { id, name, email } };
}

/**
 * Spends a link: sets the password and ends every session of its author, in one transaction, so
 * two submissions of the same link cannot both succeed.
 */
export async function resetPasswordWithToken({
  tokenHash,
  passwordHash,
  now = new Date(),
}: {
  tokenHash: string;
  passwordHash: string;
  now?: Date;
}): Promise<{ kind: 'done'; authorId: number } | { kind: 'missing' | 'expired' | 'used' }> {
  return getDb().transaction(
    (tx) => {
      const found = lookUp(tx, { tokenHash, now });
      if (found.status !== 'valid') return { kind: found.status };
      const authorId = found.row.author.id;
      tx.update(passwordResetTokens).set({ usedAt: now }).where(eq(passwordResetTokens.id, found.row.id)).run();
      tx.delete(passwordResetTokens).where(and(eq(passwordResetTokens.authorId, authorId), isNull(passwordResetTokens.usedAt))).run();
      tx.update(authors)
        .set({ passwordHash, sessionVersion: sql`${authors.sessionVersion} + 1` })
        .where(eq(authors.id, authorId))
        .run();
      return { kind: 'done' as const, authorId };
    },
    { behavior: 'immediate' },
  );
}

/** One emailed link per account in this time, however often it is asked for. */
export const EMAILED_LINK_INTERVAL_MS = 5 * 60 * 1000;

/**
 * "Forgot your password?": stores a new link's hash (earlier unused links stop working) and queues
 * the mail carrying the link, in one transaction, unless a link was mailed to this account in the
 * last five minutes. The link itself is in the outbox only until the SMTP server has taken it.
 */
export async function createEmailedPasswordReset({
  authorId,
  tokenHash,
  expiresAt,
  toAddress,
  mail,
  now = new Date(),
}: {
  authorId: number;
  tokenHash: string;
  expiresAt: Date;
  toAddress: string;
  mail: { subject: string; text: string; html: string };
  now?: Date;
}): Promise<'queued' | 'recently-sent'> {
  return getDb().transaction(
    (tx) => {
      const recent = tx
        .select({ id: passwordResetTokens.id })
        .from(passwordResetTokens)
        .where(and(eq(passwordResetTokens.authorId, authorId), gt(passwordResetTokens.createdAt, new Date(now.getTime() - EMAILED_LINK_INTERVAL_MS))))
        .get();
      if (recent) return 'recently-sent' as const;
      tx.delete(passwordResetTokens).where(and(eq(passwordResetTokens.authorId, authorId), isNull(passwordResetTokens.usedAt))).run();
      tx.delete(passwordResetTokens).where(lt(passwordResetTokens.expiresAt, new Date(now.getTime() - KEEP_SPENT_MS))).run();
      tx.insert(passwordResetTokens).values({ authorId, tokenHash, createdAt: now, expiresAt }).run();
      tx.insert(mailOutbox)
        .values({
          kind: 'password-reset',
          toAddress,
          priority: MAIL_PRIORITY.urgent,
          subject: mail.subject,
          textBody: mail.text,
          htmlBody: mail.html,
        })
        .run();
      return 'queued' as const;
    },
    { behavior: 'immediate' },
  );
}
