import 'server-only';
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { slugify } from '@/lib/slug';
import type { Db } from './client';
import { getDb } from './client';
import { authors, posts, settings, type Author } from './schema';
import { visiblePostFilter } from './visibility';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** A free /author/SLUG for a new author: their name as a slug, numbered if taken. */
export function uniqueAuthorSlugInTx(tx: Tx, name: string): string {
  const base = slugify(name);
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!tx.select({ id: authors.id }).from(authors).where(eq(authors.slug, candidate)).get()) return candidate;
  }
}

export async function getAuthorBySlug(slug: string): Promise<Author | undefined> {
  return getDb().select().from(authors).where(eq(authors.slug, slug)).get();
}

/** Authors with at least one visible post, for the About Me gadget. */
export async function listPublishingAuthors(now = new Date()): Promise<Pick<Author, 'id' | 'name' | 'slug' | 'bio'>[]> {
  return getDb()
    .select({ id: authors.id, name: authors.name, slug: authors.slug, bio: authors.bio })
    .from(authors)
    .where(
      sql`exists (select 1 from ${posts} where ${posts.authorId} = ${authors.id} and ${and(visiblePostFilter(now))})`,
    )
    .orderBy(authors.id)
    .all();
}

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
        .values({ name: values.name, email, passwordHash: values.passwordHash, role: 'admin', slug: uniqueAuthorSlugInTx(tx, values.name) })
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
  return getDb().transaction(
    (tx) =>
      tx
        .insert(authors)
        .values({ ...values, email: values.email.trim().toLowerCase(), slug: uniqueAuthorSlugInTx(tx, values.name) })
        .returning()
        .get(),
    { behavior: 'immediate' },
  );
}



/** Everyone who can own a post, for the editor's Author choice. */
export async function listAuthors(): Promise<Pick<Author, 'id' | 'name'>[]> {
  return getDb().select({ id: authors.id, name: authors.name }).from(authors).orderBy(authors.name).all();
}

export async function listAuthorsWithPostCounts() {
  return getDb()
    .select({
      id: authors.id,
      name: authors.name,
      email: authors.email,
      role: authors.role,
      canSignIn: sql<number>`${authors.passwordHash} is not null`,
      posts: sql<number>`(select count(*) from ${posts} where ${posts.authorId} = ${authors.id})`,
    })
    .from(authors)
    .orderBy(authors.name)
    .all();
}

export async function updateAuthorProfile({ id, name, bio }: { id: number; name: string; bio: string }): Promise<void> {
  getDb().update(authors).set({ name, bio }).where(eq(authors.id, id)).run();
}

export async function updateAuthorPassword({ id, passwordHash }: { id: number; passwordHash: string }): Promise<void> {
  getDb().update(authors).set({ passwordHash }).where(eq(authors.id, id)).run();
}

/** Ends every session of this author (sign-out, password change). */
export async function bumpSessionVersion(id: number): Promise<void> {
  getDb()
    .update(authors)
    .set({ sessionVersion: sql`${authors.sessionVersion} + 1` })
    .where(eq(authors.id, id))
    .run();
}
