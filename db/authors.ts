import 'server-only';
import { eq, isNotNull, sql } from 'drizzle-orm';
import { getDb } from './client';
import { authors, settings, type Author } from './schema';

export async function getAuthorById(id: number): Promise<Author | undefined> {
  return getDb().select().from(authors).where(eq(authors.id, id)).get();
}

export async function getAuthorByEmail(email: string): Promise<Author | undefined> {
  return getDb().select().from(authors).where(eq(authors.email, email.trim().toLowerCase())).get();
}

/** Setup is offered while nobody can sign in: demo or imported authors have no password. */
export async function hasSignInAuthor(): Promise<boolean> {
  const row = getDb()
    .select({ one: sql<number>`1` })
    .from(authors)
    .where(isNotNull(authors.passwordHash))
    .limit(1)
    .get();
  return row !== undefined;
}

/**
 * Creates the first admin and names the blog, in one immediate transaction so two setup
 * forms sent at once cannot both succeed. Returns null when setup was already done.
 */
export async function createFirstAdmin(values: {
  name: string;
  email: string;
  passwordHash: string;
  blogTitle: string;
}): Promise<Author | null> {
  const db = getDb();
  return db.transaction(
    (tx) => {
      const existing = tx.select({ id: authors.id }).from(authors).where(isNotNull(authors.passwordHash)).limit(1).get();
      if (existing) return null;
      const email = values.email.trim().toLowerCase();
      const author = tx
        .insert(authors)
        .values({ name: values.name, email, passwordHash: values.passwordHash, role: 'admin' })
        .onConflictDoUpdate({
          // A demo or imported author with this email becomes the admin who signs in.
          target: authors.email,
          set: { name: values.name, passwordHash: values.passwordHash, role: 'admin' },
        })
        .returning()
        .get();
      tx.insert(settings)
        .values({ id: 1, blogTitle: values.blogTitle })
        .onConflictDoUpdate({ target: settings.id, set: { blogTitle: values.blogTitle } })
        .run();
      return author;
    },
    { behavior: 'immediate' },
  );
}

export async function createAuthor(values: {
  name: string;
  email: string;
  role?: Author['role'];
  passwordHash?: string | null;
  bio?: string;
}): Promise<Author> {
  return getDb()
    .insert(authors)
    .values({ ...values, email: values.email.trim().toLowerCase() })
    .returning()
    .get();
}

export async function countAuthors(): Promise<number> {
  const row = getDb().select({ n: sql<number>`count(*)` }).from(authors).get();
  return row?.n ?? 0;
}

