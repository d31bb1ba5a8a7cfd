import 'server-only';
import { desc, eq, inArray, sql } from 'drizzle-orm';
import { makeExcerpt } from '@/lib/posts/content';
import type { ImportedComment, ImportedLabelAlias, ImportedPerson, ImportedPost } from '@/lib/import/types';
import { pagePermalink, permalinkCandidates, postPermalink } from '@/lib/posts/permalink';
import { slugify } from '@/lib/posts/slug';
import { uniqueAuthorSlugInTx } from './authors';
import { getDb, type Tx } from './client';
import { setPostLabelsInTx } from './labels';
import { reindexPostInTx } from './search';
import type { ApplyResult } from '@/lib/import/report';
import { authors, comments, imports, labelRedirects, labels, posts, redirects, revisions, type ImportRun } from './schema';


/** Which of these backup ids were imported before (for a dry run's "already here" count). */
export async function findImportedSourceIds({ kind, ids }: { kind: 'post' | 'comment'; ids: string[] }): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const table = kind === 'post' ? posts : comments;
  const rows = getDb().select({ id: table.sourceId }).from(table).where(inArray(table.sourceId, ids)).all();
  return new Set(rows.map((r) => r.id!));
}

/**
 * Writes a whole import in one immediate transaction: all of it or none of it. Posts keep their
 * Blogger address exactly; other old addresses become redirects. Anything imported before
 * (matched by its id in the backup) is left as it is, so importing the same file twice adds
 * nothing, and importing a newer backup adds only what is new.
 */
export async function applyImport(input: {
  posts: () => Iterable<ImportedPost>;
  comments: () => Iterable<ImportedComment>;
  aliases: ImportedLabelAlias[];
  timeZone: string;
  now?: Date;
}): Promise<ApplyResult> {
  const now = input.now ?? new Date();
  const result: ApplyResult = {
    posts: 0,
    pages: 0,
    drafts: 0,
    scheduled: 0,
    comments: 0,
    authorsCreated: 0,
    labelsCreated: 0,
    redirects: 0,
    alreadyImported: { posts: 0, comments: 0 },
    notes: [],
  };
  return getDb().transaction(
    (tx) => {
      const lookups = prepareLookups(tx);
      const labelsBefore = tx.select({ n: sql<number>`count(*)` }).from(labels).get()!.n;
      const authorIds = new Map<string, number>();
      const postIds = new Map<string, { id: number; authorId: number }>();
      const authorOf = (person: ImportedPerson) => resolveAuthorInTx(tx, { person, cache: authorIds, result });

      for (const post of input.posts()) {
        const existing = lookups.postBySource.get({ id: post.sourceId });
        if (existing) {
          postIds.set(post.sourceId, existing);
          result.alreadyImported.posts++;
          continue;
        }
        const authorId = authorOf(post.author);
        const id = insertPostInTx(tx, { lookups, post, authorId, timeZone: input.timeZone, now, result });
        postIds.set(post.sourceId, { id, authorId });
      }

      insertCommentsInTx(tx, { lookups, items: input.comments(), postIds, result });

      for (const alias of input.aliases) {
        const label = tx.select({ id: labels.id }).from(labels).where(eq(labels.name, alias.label)).get();
        if (!label) continue;
        const added = tx.insert(labelRedirects).values({ fromPath: alias.fromPath, labelId: label.id }).onConflictDoNothing().run();
        result.redirects += added.changes;
      }
      result.labelsCreated = tx.select({ n: sql<number>`count(*)` }).from(labels).get()!.n - labelsBefore;
      return result;
    },
    { behavior: 'immediate' },
  );
}

/**
 * An imported writer: the author with the same real email, else the one with the same name
 * (so a blogger importing their own blog keeps their posts), else a new author who cannot
 * sign in. Blogger hides emails, so those get a placeholder address that never receives mail.
 */
function resolveAuthorInTx(tx: Tx, { person, cache, result }: { person: ImportedPerson; cache: Map<string, number>; result: ApplyResult }): number {
  const key = person.email ? `email:${person.email}` : `name:${person.name}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const found =
    (person.email ? tx.select({ id: authors.id }).from(authors).where(eq(authors.email, person.email)).get() : undefined) ??
    tx.select({ id: authors.id }).from(authors).where(eq(authors.name, person.name)).orderBy(authors.id).limit(1).get();
  let id = found?.id;
  if (id === undefined) {
    const slug = uniqueAuthorSlugInTx(tx, person.name);
    const email = person.email ?? `${slug}@imported.invalid`;
    id = tx.insert(authors).values({ name: person.name, email, slug }).onConflictDoNothing().returning({ id: authors.id }).get()?.id;
    id ??= tx.select({ id: authors.id }).from(authors).where(eq(authors.email, email)).get()!.id;
    result.authorsCreated++;
  }
  cache.set(key, id);
  return id;
}

/** The lookups made once per post or comment, prepared once per import (preparing was a third of the time). */
function prepareLookups(tx: Tx) {
  const id = sql.placeholder('id');
  return {
    postBySource: tx.select({ id: posts.id, authorId: posts.authorId }).from(posts).where(eq(posts.sourceId, id)).prepare(),
    commentBySource: tx.select({ id: comments.id, postId: comments.postId }).from(comments).where(eq(comments.sourceId, id)).prepare(),
    postByPermalink: tx.select({ id: posts.id }).from(posts).where(eq(posts.permalink, id)).prepare(),
    redirectFrom: tx.select({ id: redirects.postId }).from(redirects).where(eq(redirects.fromPath, id)).prepare(),
    postAuthor: tx.select({ name: authors.name, email: authors.email }).from(posts).innerJoin(authors, eq(authors.id, posts.authorId)).where(eq(posts.id, id)).prepare(),
  };
}
type Lookups = ReturnType<typeof prepareLookups>;

function isPathTaken(lookups: Lookups, path: string): boolean {
  return lookups.postByPermalink.get({ id: path }) !== undefined || lookups.redirectFrom.get({ id: path }) !== undefined;
}

function insertPostInTx(
  tx: Tx,
  { lookups, post, authorId, timeZone, now, result }: { lookups: Lookups; post: ImportedPost; authorId: number; timeZone: string; now: Date; result: ApplyResult },
): number {
  const draft = post.status === 'draft';
  const publishedAt = draft ? null : (post.publishedAt ?? now);
  const slug = post.path ? post.path.replace(/^.*\//, '').replace(/\.html$/, '') : slugify(post.slug || post.title);
  let permalink: string | null = null;
  if (!draft) {
    const wanted = post.path ?? (post.type === 'page' ? pagePermalink(slug) : postPermalink(slug, publishedAt!, timeZone));
    permalink = permalinkCandidates(wanted).find((p) => !isPathTaken(lookups, p)) ?? wanted.replace(/\.html$/, `-${now.getTime()}.html`);
    if (post.path && permalink !== post.path) {
      // Another post already answers there: the imported one moves next door and the note says so.
      result.notes.push(`“${post.title || post.path}” was at ${post.path}, which another post here already uses; it is at ${permalink} instead.`);
    }
  }
  const updatedAt = post.updatedAt ?? publishedAt ?? now;
  const row = tx
    .insert(posts)
    .values({
      type: post.type,
      title: post.title,
      slug,
      permalink,
      body: post.html,
      excerpt: makeExcerpt(post.html),
      status: post.status,
      publishedAt,
      createdAt: post.publishedAt ?? updatedAt,
      updatedAt,
      authorId,
      sourceId: post.sourceId,
    })
    .returning({ id: posts.id })
    .get();
  setPostLabelsInTx(tx, { postId: row.id, names: post.labels });
  reindexPostInTx(tx, row.id);
  tx.insert(revisions)
    .values({ postId: row.id, title: post.title, body: post.html, labels: post.labels.join(', '), authorId, createdAt: updatedAt })
    .run();
  if (!draft) {
    for (const from of post.oldPaths) {
      if (from === permalink) continue;
      result.redirects += tx.insert(redirects).values({ fromPath: from, postId: row.id }).onConflictDoNothing().run().changes;
    }
  }
  if (post.type === 'page') result.pages++;
  else result.posts++;
  if (post.status === 'draft') result.drafts++;
  if (post.status === 'scheduled') result.scheduled++;
  return row.id;
}

/**
 * Comments after all posts, so a comment may come before its post in the file. A reply whose
 * parent comes later waits for it; one whose parent is not in the file at all is kept as a
 * comment on the post (nothing a reader wrote is dropped).
 */
function insertCommentsInTx(
  tx: Tx,
  {
    lookups,
    items,
    postIds,
    result,
  }: { lookups: Lookups; items: Iterable<ImportedComment>; postIds: Map<string, { id: number; authorId: number }>; result: ApplyResult },
): void {
  const commentIds = new Map<string, { id: number; postId: number }>();
  const known = (sourceId: string) => commentIds.get(sourceId) ?? lookups.commentBySource.get({ id: sourceId });
  const postAuthors = new Map<number, { name: string; email: string } | undefined>();
  const postAuthorOf = (postId: number) => {
    if (!postAuthors.has(postId)) postAuthors.set(postId, lookups.postAuthor.get({ id: postId }));
    return postAuthors.get(postId);
  };
  let waiting: ImportedComment[] = [];
  let orphans = 0;
  let promoted = 0;

  const place = (comment: ImportedComment, final: boolean): boolean => {
    if (known(comment.sourceId)) {
      result.alreadyImported.comments++;
      return true;
    }
    const parentRef = comment.parentSourceId ?? (postIds.has(comment.inReplyTo) ? undefined : comment.inReplyTo);
    const parent = parentRef ? known(parentRef) : undefined;
    const post = parent ? { id: parent.postId } : postIds.get(comment.inReplyTo);
    if (!post) {
      if (final) orphans++;
      return final;
    }
    if (parentRef && !parent && !final) return false;
    if (parentRef && !parent) promoted++;
    const postAuthor = postAuthorOf(post.id);
    const byPostAuthor =
      !!postAuthor && ((comment.author.email !== undefined && comment.author.email === postAuthor.email) || comment.author.name === postAuthor.name);
    const row = tx
      .insert(comments)
      .values({
        postId: post.id,
        parentId: parent?.id ?? null,
        authorName: comment.author.name,
        authorEmail: comment.author.email ?? null,
        authorUrl: comment.author.url ?? null,
        body: comment.text,
        status: comment.status,
        isPostAuthor: byPostAuthor,
        sourceId: comment.sourceId,
        legacyAnchor: comment.legacyAnchor ?? null,
        createdAt: comment.createdAt,
      })
      .returning({ id: comments.id })
      .get();
    commentIds.set(comment.sourceId, { id: row.id, postId: post.id });
    result.comments++;
    return true;
  };

  for (const comment of items) {
    if (!place(comment, false)) waiting.push(comment);
  }
  // Replies whose parents came later in the file: a few rounds settle any order.
  for (let round = 0; waiting.length > 0 && round < 50; round++) {
    const before = waiting.length;
    waiting = waiting.filter((c) => !place(c, false));
    if (waiting.length === before) break;
  }
  for (const comment of waiting) place(comment, true);
  if (promoted) result.notes.push(`${promoted} ${promoted === 1 ? 'reply answers a comment' : 'replies answer comments'} not in the file; kept as comments on the post.`);
  if (orphans) result.notes.push(`${orphans} ${orphans === 1 ? 'comment belongs' : 'comments belong'} to a post not in the file (or skipped); not imported.`);
}

export async function recordImportRun(values: Omit<ImportRun, 'id' | 'createdAt'>): Promise<ImportRun> {
  return getDb().insert(imports).values(values).returning().get();
}

export async function listImportRuns({ limit = 10 }: { limit?: number } = {}): Promise<ImportRun[]> {
  return getDb().select().from(imports).orderBy(desc(imports.id)).limit(limit).all();
}

export async function getImportRunById(id: number): Promise<ImportRun | undefined> {
  return getDb().select().from(imports).where(eq(imports.id, id)).get();
}
