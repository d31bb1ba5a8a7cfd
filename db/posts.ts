import 'server-only';
import { and, asc, desc, eq, gt, gte, inArray, isNotNull, lt, lte, sql } from 'drizzle-orm';
import { combineLabels } from '@/lib/reading/label-filter';
import { permalinkCandidates } from '@/lib/posts/permalink';
import { isFrozen, planPublication, type SaveAction } from '@/lib/posts/publish-rules';
import { makeExcerpt } from '@/lib/posts/content';
import { getDb, preparedPerConnection, type Tx } from './client';
import { countPublishedCommentsByPostIds } from './comments';
import { listLabelsByPostIds, setPostLabelsInTx } from './labels';
import { reindexPostInTx } from './search';
import { authors, comments, labels, postLabels, postMailings, posts, redirects, revisions, type Post } from './schema';
import { visibleByIdFilter, visiblePostFilter, visibleUntil } from './visibility';

const summaryColumns = {
  id: posts.id,
  title: posts.title,
  permalink: posts.permalink,
  body: posts.body,
  excerpt: posts.excerpt,
  publishedAt: posts.publishedAt,
  authorId: posts.authorId,
  authorName: authors.name,
  authorSlug: authors.slug,
  commentPolicy: posts.commentPolicy,
  searchDescription: posts.searchDescription,
  coverImage: posts.coverImage,
};

export type PostSummary = {
  id: number;
  title: string;
  permalink: string;
  body: string;
  excerpt: string;
  publishedAt: Date;
  authorId: number;
  authorName: string;
  authorSlug: string | null;
  commentPolicy: Post['commentPolicy'];
  searchDescription: string;
  coverImage: string;
  labels: string[];
  commentCount: number;
};

type SummaryRow = Omit<PostSummary, 'permalink' | 'publishedAt' | 'labels' | 'commentCount'> & {
  permalink: string | null;
  publishedAt: Date | null;
};

/** Labels and comment counts for a page of posts: two queries, whatever the page size. */
async function withLabelsAndCounts(rows: SummaryRow[]): Promise<PostSummary[]> {
  const ids = rows.map((r) => r.id);
  const [labelsById, counts] = await Promise.all([listLabelsByPostIds(ids), countPublishedCommentsByPostIds(ids)]);
  return rows.map((row) => ({
    ...row,
    permalink: row.permalink ?? '',
    publishedAt: row.publishedAt ?? new Date(0),
    labels: labelsById.get(row.id) ?? [],
    commentCount: counts.get(row.id) ?? 0,
  }));
}

export type ListFilter = {
  /** Posts carrying every one of these labels (Blogger's /search/label/A+B); see combineLabels. */
  labels?: string[];
  authorId?: number;
  /** [from, to): an archive page's span. */
  from?: Date;
  to?: Date;
};

function hasLabel(name: string) {
  // An IN list lets SQLite start from the label's posts (a few hundred) rather than test every post.
  return sql`${posts.id} in (select ${postLabels.postId} from ${postLabels} join ${labels} on ${labels.id} = ${postLabels.labelId}
    where ${labels.name} = ${name})`;
}

function filterConditions(filter: ListFilter) {
  return [
    filter.authorId === undefined ? undefined : eq(posts.authorId, filter.authorId),
    filter.from ? gte(posts.publishedAt, filter.from) : undefined,
    filter.to ? lt(posts.publishedAt, filter.to) : undefined,
    // Built from the collapsed, capped list whatever the caller passed, so a repeated or endless
    // label list in an address can never grow the query.
    ...combineLabels(filter.labels ?? []).labels.map(hasLabel),
  ];
}

/**
 * Newest visible posts first. `before` continues a listing below a publish time (a keyset, no
 * OFFSET), so an "Older Posts" link keeps pointing at the same posts while new ones arrive.
 */
export async function listVisiblePosts({
  before,
  limit,
  filter = {},
  now = new Date(),
}: {
  before?: Date;
  limit: number;
  filter?: ListFilter;
  now?: Date;
}): Promise<PostSummary[]> {
  const rows = getDb()
    .select(summaryColumns)
    .from(posts)
    .innerJoin(authors, eq(authors.id, posts.authorId))
    .where(and(visiblePostFilter(visibleUntil(now, before, filter.to)), before ? lt(posts.publishedAt, before) : undefined, ...filterConditions(filter)))
    .orderBy(desc(posts.publishedAt), desc(posts.id))
    .limit(limit)
    .all();
  return withLabelsAndCounts(rows);
}

export async function countVisiblePosts(filter: ListFilter, now = new Date()): Promise<number> {
  const row = getDb()
    .select({ n: sql<number>`count(*)` })
    .from(posts)
    .where(and(visiblePostFilter(visibleUntil(now, filter.to)), ...filterConditions(filter)))
    .get();
  return row?.n ?? 0;
}

/**
 * The publish times of up to `limit` posts just newer than `after`, oldest first: enough to
 * build a "Newer Posts" link that lands on the page before this one.
 */
export async function listNewerPublishTimes({
  after,
  limit,
  filter = {},
  now = new Date(),
}: {
  after: Date;
  limit: number;
  filter?: ListFilter;
  now?: Date;
}): Promise<Date[]> {
  return getDb()
    .select({ publishedAt: posts.publishedAt })
    .from(posts)
    .where(and(visiblePostFilter(now), gt(posts.publishedAt, after), ...filterConditions(filter)))
    .orderBy(asc(posts.publishedAt), asc(posts.id))
    .limit(limit)
    .all()
    .map((row) => row.publishedAt!);
}

/** Summaries of posts by id, in the order given (for search results). */
export async function listVisiblePostsByIds(ids: number[], now = new Date()): Promise<PostSummary[]> {
  if (ids.length === 0) return [];
  const rows = getDb()
    .select(summaryColumns)
    .from(posts)
    .innerJoin(authors, eq(authors.id, posts.authorId))
    .where(and(inArray(posts.id, ids), visibleByIdFilter(now)))
    .all();
  const byId = new Map((await withLabelsAndCounts(rows)).map((p) => [p.id, p]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * Posts with the most published comments, for the Popular Posts gadget: read in order from
 * posts_popular_idx, the count kept by triggers (migration 0017), so no comment is counted here.
 */
export async function listPopularPosts({ limit, now = new Date() }: { limit: number; now?: Date }) {
  return getDb()
    .select({ id: posts.id, title: posts.title, permalink: posts.permalink, excerpt: posts.excerpt, comments: posts.publishedComments })
    .from(posts)
    .where(and(visiblePostFilter(now), gt(posts.publishedComments, 0)))
    .orderBy(desc(posts.publishedComments), desc(posts.publishedAt))
    .limit(limit)
    .all()
    .map((row) => ({ ...row, permalink: row.permalink ?? '' }));
}

/**
 * Visible posts per month for the Blog Archive gadget, newest first. Months are counted at the
 * zone's current UTC offset, so a post within an hour of a month's edge may count in the
 * neighbouring month when daylight saving time differs; the archive pages themselves are exact.
 */
export async function countPostsByMonth({ offsetSeconds, now = new Date() }: { offsetSeconds: number; now?: Date }) {
  const month = sql<string>`strftime('%Y-%m', ${posts.publishedAt} / 1000 + ${offsetSeconds}, 'unixepoch')`;
  return getDb()
    .select({ month, count: sql<number>`count(*)` })
    .from(posts)
    .where(visiblePostFilter(now))
    .groupBy(month)
    .orderBy(desc(month))
    .all()
    .map((row) => {
      const [year, m] = row.month.split('-').map(Number);
      return { year: year!, month: m!, count: row.count };
    });
}

/** Visible static pages, for the Pages gadget. */
export async function listVisiblePages(now = new Date()) {
  return getDb()
    .select({ title: posts.title, permalink: posts.permalink })
    .from(posts)
    .where(visiblePostFilter(now, 'page'))
    .orderBy(asc(posts.title))
    .all()
    .map((row) => ({ title: row.title, permalink: row.permalink ?? '' }));
}

/** Every visible post and page for the sitemap: path and last change. */
export async function listSitemapEntries(now = new Date()) {
  return getDb()
    .select({ permalink: posts.permalink, updatedAt: posts.updatedAt, type: posts.type })
    .from(posts)
    .where(
      and(
        // Naming both types lets SQLite walk the listing index instead of reading every row.
        inArray(posts.type, ['post', 'page']),
        inArray(posts.status, ['published', 'scheduled']),
        isNotNull(posts.permalink),
        lte(posts.publishedAt, now),
      ),
    )
    .orderBy(desc(posts.publishedAt))
    .all()
    .map((row) => ({ permalink: row.permalink!, updatedAt: row.updatedAt, type: row.type }));
}

/** A visible post or static page at its permalink; readers' addresses go through db/addresses.ts. */
export async function getVisiblePostByPermalink({
  permalink,
  type,
  now = new Date(),
}: {
  permalink: string;
  type: 'post' | 'page';
  now?: Date;
}): Promise<PostSummary | undefined> {
  const row = getDb()
    .select(summaryColumns)
    .from(posts)
    .innerJoin(authors, eq(authors.id, posts.authorId))
    .where(and(eq(posts.permalink, permalink), visiblePostFilter(now, type)))
    .get();
  if (!row) return undefined;
  const [post] = await withLabelsAndCounts([row]);
  return post;
}

/** The posts just before and after one, for "Newer Post" / "Older Post" links. */
export async function getNeighbourPosts(
  publishedAt: Date,
  now = new Date(),
): Promise<{ newer?: { title: string; permalink: string }; older?: { title: string; permalink: string } }> {
  const db = getDb();
  const pick = { title: posts.title, permalink: posts.permalink };
  const newer = db
    .select(pick)
    .from(posts)
    .where(and(visiblePostFilter(now), gt(posts.publishedAt, publishedAt)))
    .orderBy(posts.publishedAt)
    .limit(1)
    .get();
  const older = db
    .select(pick)
    .from(posts)
    .where(and(visiblePostFilter(visibleUntil(now, publishedAt)), lt(posts.publishedAt, publishedAt)))
    .orderBy(desc(posts.publishedAt))
    .limit(1)
    .get();
  const link = (p?: { title: string; permalink: string | null }) =>
    p?.permalink ? { title: p.title, permalink: p.permalink } : undefined;
  return { newer: link(newer), older: link(older) };
}

// Read for every comment posted, among much else.
const postById = preparedPerConnection((db) => db.select().from(posts).where(eq(posts.id, sql.placeholder('id'))).prepare());

export async function getPostById(id: number): Promise<Post | undefined> {
  return postById().get({ id });
}

/** A post readers can see, so its address and publish time are set. */
export type VisiblePost = Post & { permalink: string; publishedAt: Date };

// Read for every comment posted: prepared once per connection.
const visiblePostById = preparedPerConnection((db) =>
  db
    .select()
    .from(posts)
    .where(and(eq(posts.id, sql.placeholder('id')), isNotNull(posts.permalink), visiblePostFilter(sql.placeholder('now'))))
    .prepare(),
);

/** The post with this id if readers can see it now (published, or scheduled and due), else undefined. */
export async function getVisiblePostById({ id, now = new Date() }: { id: number; now?: Date }): Promise<VisiblePost | undefined> {
  const post = visiblePostById().get({ id, now: now.getTime() });
  return post?.permalink && post.publishedAt ? { ...post, permalink: post.permalink, publishedAt: post.publishedAt } : undefined;
}

export async function getPostWithLabelsById(id: number): Promise<(Post & { labels: string[] }) | undefined> {
  const post = await getPostById(id);
  if (!post) return undefined;
  const labels = await listLabelsByPostIds([id]);
  return { ...post, labels: labels.get(id) ?? [] };
}

export type AdminPostRow = Pick<Post, 'id' | 'title' | 'status' | 'permalink' | 'publishedAt' | 'updatedAt' | 'authorId'> & {
  authorName: string;
  commentCount: number;
  labels: string[];
};

/**
 * Posts (or pages) for the admin list, last edited first; `authorId` limits it to one author's,
 * and status, label and a title search narrow it.
 */
export async function listPostsForAdmin({
  authorId,
  type = 'post',
  status,
  label,
  q,
  limit = 500,
}: {
  authorId?: number;
  type?: Post['type'];
  status?: Post['status'];
  label?: string;
  q?: string;
  limit?: number;
} = {}): Promise<AdminPostRow[]> {
  const rows = getDb()
    .select({
      id: posts.id,
      title: posts.title,
      status: posts.status,
      permalink: posts.permalink,
      publishedAt: posts.publishedAt,
      updatedAt: posts.updatedAt,
      authorId: posts.authorId,
      authorName: authors.name,
      commentCount: sql<number>`(select count(*) from ${comments} where ${comments.postId} = ${posts.id} and ${comments.status} = 'published')`,
    })
    .from(posts)
    .innerJoin(authors, eq(authors.id, posts.authorId))
    .where(
      and(
        eq(posts.type, type),
        authorId === undefined ? undefined : eq(posts.authorId, authorId),
        status ? eq(posts.status, status) : undefined,
        label ? hasLabel(label) : undefined,
        q ? sql`${posts.title} like ${`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} escape '\\'` : undefined,
      ),
    )
    .orderBy(desc(posts.updatedAt))
    .limit(limit)
    .all();
  const labelsById = await listLabelsByPostIds(rows.map((r) => r.id));
  return rows.map((row) => ({ ...row, labels: labelsById.get(row.id) ?? [] }));
}

export type { SaveAction } from '@/lib/posts/publish-rules';

export type SaveResult =
  | { ok: true; post: Post }
  | { ok: false; reason: 'conflict'; updatedAt: Date }
  | { ok: false; reason: 'slug-taken' | 'missing' };

export type SavePostValues = {
  id?: number;
  type?: Post['type'];
  authorId: number;
  editorId?: number;
  title: string;
  body: string;
  labels: string[];
  action?: SaveAction;
  scheduleAt?: Date;
  slug?: string;
  searchDescription?: string;
  coverImage?: string;
  commentPolicy?: Post['commentPolicy'];
  expectedUpdatedAt?: number;
  /** Autosaves fold into the editor's last revision if it is this recent, so history stays readable. */
  coalesceRevisionMs?: number;
  timeZone: string;
  now?: Date;
};

/** savePostChecked for callers that cannot meet a conflict or a taken slug (seeds, tests, imports). */
export async function savePost(values: SavePostValues): Promise<Post> {
  const result = await savePostChecked(values);
  if (!result.ok) throw new Error(`Post not saved: ${result.reason}`);
  return result.post;
}

/**
 * Creates or updates a post or page, its labels, search entry and a revision, in one immediate
 * transaction, applying the publish rules of lib/posts/publish-rules.ts (address set at publish,
 * frozen once readers can see it, a renamed live address keeps a 301 from the old one).
 * `expectedUpdatedAt` guards against a second tab silently overwriting the first.
 */
export async function savePostChecked(values: SavePostValues): Promise<SaveResult> {
  const now = values.now ?? new Date();
  const db = getDb();
  return db.transaction(
    (tx): SaveResult => {
      const existing = values.id ? tx.select().from(posts).where(eq(posts.id, values.id)).get() : undefined;
      if (values.id && !existing) return { ok: false, reason: 'missing' };
      if (existing && values.expectedUpdatedAt !== undefined && existing.updatedAt.getTime() !== values.expectedUpdatedAt) {
        return { ok: false, reason: 'conflict', updatedAt: existing.updatedAt };
      }
      const type = existing?.type ?? values.type ?? 'post';
      const plan = planPublication({
        stored: existing,
        type,
        action: values.action ?? 'draft',
        title: values.title,
        slug: values.slug,
        scheduleAt: values.scheduleAt,
        timeZone: values.timeZone,
        now,
      });
      const isTaken = (path: string) => {
        const owner = tx.select({ id: posts.id }).from(posts).where(eq(posts.permalink, path)).get();
        const redirect = tx.select({ postId: redirects.postId }).from(redirects).where(eq(redirects.fromPath, path)).get();
        return (owner && owner.id !== existing?.id) || (redirect && redirect.postId !== existing?.id);
      };

      let permalink: string | null;
      if (plan.permalink.kind === 'keep') {
        permalink = plan.permalink.path;
      } else if (plan.permalink.kind === 'rename') {
        const { from, to } = plan.permalink;
        if (isTaken(to)) return { ok: false, reason: 'slug-taken' };
        tx.insert(redirects).values({ fromPath: from, postId: existing!.id }).onConflictDoNothing().run();
        tx.delete(redirects).where(eq(redirects.fromPath, to)).run();
        permalink = to;
      } else {
        const { base } = plan.permalink;
        permalink = permalinkCandidates(base).find((path) => !isTaken(path)) ?? base.replace(/\.html$/, `-${now.getTime()}.html`);
      }
      const { slug, status, publishedAt } = plan;

      const row = {
        title: values.title,
        slug,
        permalink,
        body: values.body,
        excerpt: makeExcerpt(values.body),
        status,
        publishedAt,
        updatedAt: now,
        ...(values.searchDescription !== undefined ? { searchDescription: values.searchDescription } : {}),
        ...(values.coverImage !== undefined ? { coverImage: values.coverImage } : {}),
        ...(values.commentPolicy ? { commentPolicy: values.commentPolicy } : {}),
        ...(existing && values.authorId !== existing.authorId ? { authorId: values.authorId } : {}),
      };
      const saved = existing
        ? tx.update(posts).set(row).where(eq(posts.id, existing.id)).returning().get()
        : tx
            .insert(posts)
            .values({ ...row, type, authorId: values.authorId })
            .returning()
            .get();
      setPostLabelsInTx(tx, { postId: saved.id, names: values.labels });
      reindexPostInTx(tx, saved.id);
      // A post going out for the first time (now or at its scheduled time) is mailed to followers once
      // it is visible; a row already there (sent, or waiting) is kept, so an edit never mails it again.
      if (type === 'post' && status !== 'draft' && !isFrozen(existing, now)) tx.insert(postMailings).values({ postId: saved.id }).onConflictDoNothing().run();
      writeRevisionInTx(tx, {
        postId: saved.id,
        title: saved.title,
        body: saved.body,
        labels: values.labels,
        authorId: values.editorId ?? values.authorId,
        now,
        coalesceMs: values.coalesceRevisionMs,
      });
      return { ok: true, post: saved };
    },
    { behavior: 'immediate' },
  );
}

/** Deletes posts with their comments, labels links, revisions and search entries. */
export async function deletePostsByIds({ ids }: { ids: number[] }): Promise<void> {
  if (ids.length === 0) return;
  getDb().transaction(
    (tx) => {
      for (const id of ids) tx.run(sql`delete from posts_fts where rowid = ${id}`);
      tx.delete(posts).where(inArray(posts.id, ids)).run();
    },
    { behavior: 'immediate' },
  );
}

export async function listRevisionsByPostId(postId: number) {
  return getDb()
    .select({ id: revisions.id, title: revisions.title, createdAt: revisions.createdAt, authorName: authors.name })
    .from(revisions)
    .leftJoin(authors, eq(authors.id, revisions.authorId))
    .where(eq(revisions.postId, postId))
    .orderBy(desc(revisions.id))
    .all();
}

export async function getRevisionById(id: number) {
  return getDb().select().from(revisions).where(eq(revisions.id, id)).get();
}


function writeRevisionInTx(
  tx: Tx,
  r: { postId: number; title: string; body: string; labels: string[]; authorId: number; now: Date; coalesceMs?: number },
) {
  const row = { title: r.title, body: r.body, labels: r.labels.join(', '), authorId: r.authorId, createdAt: r.now };
  if (r.coalesceMs) {
    const last = tx.select().from(revisions).where(eq(revisions.postId, r.postId)).orderBy(desc(revisions.id)).limit(1).get();
    if (last && last.authorId === r.authorId && r.now.getTime() - last.createdAt.getTime() < r.coalesceMs) {
      tx.update(revisions).set(row).where(eq(revisions.id, last.id)).run();
      return;
    }
  }
  tx.insert(revisions).values({ postId: r.postId, ...row }).run();
}

/** An autosave of a live post: kept as a revision only, so unreviewed edits never go public. */
export async function saveAutosaveRevision(values: { postId: number; title: string; body: string; labels: string[]; authorId: number }) {
  getDb().transaction((tx) => writeRevisionInTx(tx, { ...values, now: new Date(), coalesceMs: AUTOSAVE_COALESCE_MS }), {
    behavior: 'immediate',
  });
}

export const AUTOSAVE_COALESCE_MS = 5 * 60 * 1000;
