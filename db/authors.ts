import 'server-only';
import { and, eq, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import { slugify } from '@/lib/posts/slug';
import type { Tx } from './client';
import { getDb, preparedPerConnection } from './client';
import { authors, imports, media, passwordResetTokens, posts, revisions, settings, type Author } from './schema';
import { visiblePostFilter } from './visibility';


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

// Read for every comment posted, to mail the post's author.
const mailableAuthorEmail = preparedPerConnection((db) =>
  db
    .select({ email: authors.email })
    .from(authors)
    .where(and(eq(authors.id, sql.placeholder('id')), isNotNull(authors.passwordHash), isNull(authors.disabledAt)))
    .prepare(),
);

/** An author's address for mail about their posts: only authors who can sign in (imported ones may carry made-up addresses). */
export async function getMailableAuthorEmail(id: number): Promise<string | undefined> {
  return mailableAuthorEmail().get({ id })?.email;
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
          set: { name: values.name, passwordHash: values.passwordHash, role: 'admin', disabledAt: null },
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
      hasPassword: sql<boolean>`${authors.passwordHash} is not null`.mapWith(Boolean),
      disabled: sql<boolean>`${authors.disabledAt} is not null`.mapWith(Boolean),
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

/** An admin who can sign in, and so keeps the blog administrable. */
function isActiveAdmin(author: Author): boolean {
  return author.role === 'admin' && author.passwordHash !== null && author.disabledAt === null;
}

function anotherActiveAdminInTx(tx: Tx, id: number): boolean {
  const row = tx
    .select({ one: sql<number>`1` })
    .from(authors)
    .where(and(eq(authors.role, 'admin'), isNotNull(authors.passwordHash), isNull(authors.disabledAt), ne(authors.id, id)))
    .limit(1)
    .get();
  return row !== undefined;
}

export type AccountChange = { kind: 'done' } | { kind: 'missing' } | { kind: 'last-admin' };

/**
 * Stops an author signing in and ends their sessions at once; their posts stay published under
 * their name. Checked inside the transaction, so two admins disabling each other at the same
 * moment cannot leave the blog with no admin.
 */
export async function disableAuthorById({ id, now = new Date() }: { id: number; now?: Date }): Promise<AccountChange> {
  return getDb().transaction(
    (tx): AccountChange => {
      const author = tx.select().from(authors).where(eq(authors.id, id)).get();
      if (!author) return { kind: 'missing' };
      if (isActiveAdmin(author) && !anotherActiveAdminInTx(tx, id)) return { kind: 'last-admin' };
      tx.update(authors)
        .set({ disabledAt: author.disabledAt ?? now, sessionVersion: sql`${authors.sessionVersion} + 1` })
        .where(eq(authors.id, id))
        .run();
      tx.delete(passwordResetTokens).where(and(eq(passwordResetTokens.authorId, id), isNull(passwordResetTokens.usedAt))).run();
      return { kind: 'done' };
    },
    { behavior: 'immediate' },
  );
}

/** Lets a disabled author sign in again; sessions from before stay ended. */
export async function enableAuthorById({ id }: { id: number }): Promise<AccountChange> {
  const changed = getDb().update(authors).set({ disabledAt: null }).where(eq(authors.id, id)).returning({ id: authors.id }).all();
  return changed.length ? { kind: 'done' } : { kind: 'missing' };
}

/** What deleting an author would hand over, for the confirmation page. */
export async function countAuthorContent(id: number): Promise<{ posts: number; pages: number; media: number }> {
  const db = getDb();
  const [postCount, pageCount, mediaCount] = await Promise.all([
    db.$count(posts, and(eq(posts.authorId, id), eq(posts.type, 'post'))),
    db.$count(posts, and(eq(posts.authorId, id), eq(posts.type, 'page'))),
    db.$count(media, eq(media.uploadedBy, id)),
  ]);
  return { posts: postCount, pages: pageCount, media: mediaCount };
}

export type AuthorDeletion =
  | { kind: 'deleted'; posts: number; pages: number }
  | { kind: 'missing' }
  | { kind: 'no-heir' }
  | { kind: 'last-admin' };

/**
 * Deletes an author after giving everything that points at them to the heir: posts and pages
 * (published ones keep their address; the byline changes, and the posts triggers bump the
 * content version), revisions, uploaded images and import runs. Their password links go with them.
 */
export async function deleteAuthorById({ id, heirId }: { id: number; heirId: number }): Promise<AuthorDeletion> {
  return getDb().transaction(
    (tx): AuthorDeletion => {
      const author = tx.select().from(authors).where(eq(authors.id, id)).get();
      if (!author) return { kind: 'missing' };
      if (heirId === id || !tx.select({ id: authors.id }).from(authors).where(eq(authors.id, heirId)).get()) return { kind: 'no-heir' };
      if (isActiveAdmin(author) && !anotherActiveAdminInTx(tx, id)) return { kind: 'last-admin' };
      const moved = tx.update(posts).set({ authorId: heirId }).where(eq(posts.authorId, id)).returning({ type: posts.type }).all();
      tx.update(revisions).set({ authorId: heirId }).where(eq(revisions.authorId, id)).run();
      tx.update(media).set({ uploadedBy: heirId }).where(eq(media.uploadedBy, id)).run();
      tx.update(imports).set({ authorId: heirId }).where(eq(imports.authorId, id)).run();
      tx.delete(authors).where(eq(authors.id, id)).run();
      return {
        kind: 'deleted',
        posts: moved.filter((p) => p.type === 'post').length,
        pages: moved.filter((p) => p.type === 'page').length,
      };
    },
    { behavior: 'immediate' },
  );
}
