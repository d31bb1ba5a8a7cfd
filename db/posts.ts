import 'server-only';
import { and, asc, desc, eq, gt, gte, inArray, isNotNull, lt, lte, sql } from 'drizzle-orm';
import { postPermalink, permalinkCandidates } from '@/lib/permalink';
import { slugify } from '@/lib/slug';
import { makeExcerpt } from '@/lib/content';
import { getDb } from './client';
import { countPublishedCommentsByPostIds } from './comments';
import { listLabelsByPostIds, setPostLabelsInTx } from './labels';
import { reindexPostInTx } from './search';
import { authors, comments, labels, postLabels, posts, type Post } from './schema';
import { visiblePostFilter } from './visibility';

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
  /** Posts carrying every one of these labels (Blogger's /search/label/A+B). */
  labels?: string[];
  authorId?: number;
  /** [from, to): an archive page's span. */
  from?: Date;
  to?: Date;
};

function filterConditions(filter: ListFilter) {
  return [
    filter.authorId === undefined ? undefined : eq(posts.authorId, filter.authorId),
    filter.from ? gte(posts.publishedAt, filter.from) : undefined,
    filter.to ? lt(posts.publishedAt, filter.to) : undefined,
    ...(filter.labels ?? []).map(
      (name) =>
        sql`exists (select 1 from ${postLabels} join ${labels} on ${labels.id} = ${postLabels.labelId}
          where ${postLabels.postId} = ${posts.id} and ${labels.name} = ${name})`,
    ),
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
    .where(and(visiblePostFilter(now), before ? lt(posts.publishedAt, before) : undefined, ...filterConditions(filter)))
    .orderBy(desc(posts.publishedAt), desc(posts.id))
    .limit(limit)
    .all();
  return withLabelsAndCounts(rows);
}

export async function countVisiblePosts(filter: ListFilter, now = new Date()): Promise<number> {
  const row = getDb()
    .select({ n: sql<number>`count(*)` })
    .from(posts)
    .where(and(visiblePostFilter(now), ...filterConditions(filter)))
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
    .where(and(visiblePostFilter(now), inArray(posts.id, ids)))
    .all();
  const byId = new Map((await withLabelsAndCounts(rows)).map((p) => [p.id, p]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Posts with the most published comments, for the Popular Posts gadget. */
export async function listPopularPosts({ limit, now = new Date() }: { limit: number; now?: Date }) {
  const count = sql<number>`count(${comments.id})`;
  return getDb()
    .select({ id: posts.id, title: posts.title, permalink: posts.permalink, excerpt: posts.excerpt, comments: count })
    .from(posts)
    .innerJoin(comments, and(eq(comments.postId, posts.id), eq(comments.status, 'published')))
    .where(visiblePostFilter(now))
    .groupBy(posts.id)
    .orderBy(desc(count), desc(posts.publishedAt))
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
        inArray(posts.status, ['published', 'scheduled']),
        isNotNull(posts.permalink),
        lte(posts.publishedAt, now),
      ),
    )
    .orderBy(desc(posts.publishedAt))
    .all()
    .map((row) => ({ permalink: row.permalink!, updatedAt: row.updatedAt, type: row.type }));
}

/** A visible post or static page at its permalink (/YYYY/MM/slug.html or /p/slug.html). */
export async function getVisiblePostByPermalink(
  permalink: string,
  now = new Date(),
  type: 'post' | 'page' = 'post',
): Promise<PostSummary | undefined> {
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
    .where(and(visiblePostFilter(now), lt(posts.publishedAt, publishedAt)))
    .orderBy(desc(posts.publishedAt))
    .limit(1)
    .get();
  const link = (p?: { title: string; permalink: string | null }) =>
    p?.permalink ? { title: p.title, permalink: p.permalink } : undefined;
  return { newer: link(newer), older: link(older) };
}

export async function getPostById(id: number): Promise<Post | undefined> {
  return getDb().select().from(posts).where(eq(posts.id, id)).get();
}

export async function getPostWithLabelsById(id: number): Promise<(Post & { labels: string[] }) | undefined> {
  const post = await getPostById(id);
  if (!post) return undefined;
  const labels = await listLabelsByPostIds([id]);
  return { ...post, labels: labels.get(id) ?? [] };
}

export type AdminPostRow = Pick<Post, 'id' | 'title' | 'status' | 'permalink' | 'publishedAt' | 'updatedAt'> & {
  authorName: string;
  commentCount: number;
};

/** Posts for the admin list, last edited first; `authorId` limits it to one author's posts. */
export async function listPostsForAdmin({ authorId }: { authorId?: number } = {}): Promise<AdminPostRow[]> {
  return getDb()
    .select({
      id: posts.id,
      title: posts.title,
      status: posts.status,
      permalink: posts.permalink,
      publishedAt: posts.publishedAt,
      updatedAt: posts.updatedAt,
      authorName: authors.name,
      commentCount: sql<number>`(select count(*) from ${comments} where ${comments.postId} = ${posts.id})`,
    })
    .from(posts)
    .innerJoin(authors, eq(authors.id, posts.authorId))
    .where(and(eq(posts.type, 'post'), authorId === undefined ? undefined : eq(posts.authorId, authorId)))
    .orderBy(desc(posts.updatedAt))
    .all();
}

/**
 * Creates or updates a post and its labels in one immediate transaction. Publishing for the
 * first time freezes the permalink (/YYYY/MM/slug.html); later edits never move it.
 */
export async function savePost(values: {
  id?: number;
  authorId: number;
  title: string;
  body: string;
  labels: string[];
  publish: boolean;
  timeZone: string;
  commentPolicy?: Post['commentPolicy'];
  now?: Date;
}): Promise<Post> {
  const now = values.now ?? new Date();
  const db = getDb();
  return db.transaction(
    (tx) => {
      const existing = values.id ? tx.select().from(posts).where(eq(posts.id, values.id)).get() : undefined;
      if (values.id && !existing) throw new Error(`Post ${values.id} does not exist`);

      const slug = existing?.permalink ? existing.slug : slugify(values.title);
      let permalink = existing?.permalink ?? null;
      let publishedAt = existing?.publishedAt ?? null;
      if (values.publish && !permalink) {
        publishedAt = now;
        const base = postPermalink(slug, publishedAt, values.timeZone);
        permalink =
          permalinkCandidates(base).find(
            (candidate) => !tx.select({ id: posts.id }).from(posts).where(eq(posts.permalink, candidate)).get(),
          ) ?? permalinkCandidates(base.replace(/\.html$/, `-${now.getTime()}.html`), 1)[0]!;
      }

      const row = {
        title: values.title,
        slug,
        permalink,
        body: values.body,
        excerpt: makeExcerpt(values.body),
        status: values.publish ? ('published' as const) : ('draft' as const),
        publishedAt,
        updatedAt: now,
        ...(values.commentPolicy ? { commentPolicy: values.commentPolicy } : {}),
      };
      const saved = existing
        ? tx.update(posts).set(row).where(eq(posts.id, existing.id)).returning().get()
        : tx
            .insert(posts)
            .values({ ...row, authorId: values.authorId })
            .returning()
            .get();
      setPostLabelsInTx(tx, saved.id, values.labels);
      reindexPostInTx(tx, saved.id);
      return saved;
    },
    { behavior: 'immediate' },
  );
}
