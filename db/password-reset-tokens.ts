import 'server-only';
import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import { getDb, type Db, type Tx } from './client';
import { authors, passwordResetTokens } from './schema';


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
