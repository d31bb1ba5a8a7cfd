import 'server-only';
import { and, desc, eq, gt, lt, sql } from 'drizzle-orm';
import { postPermalink, permalinkCandidates } from '@/lib/permalink';
import { slugify } from '@/lib/slug';
import { makeExcerpt } from '@/lib/content';
import { getDb } from './client';
import { countPublishedCommentsByPostIds } from './comments';
import { listLabelsByPostIds, setPostLabelsInTx } from './labels';
import { authors, comments, posts, type Post } from './schema';
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

/** Newest visible posts first; `before` continues a listing below a publish time (keyset, no OFFSET). */
export async function listVisiblePosts({
  before,
  limit,
  now = new Date(),
}: {
  before?: Date;
  limit: number;
  now?: Date;
}): Promise<PostSummary[]> {
  const rows = getDb()
    .select(summaryColumns)
    .from(posts)
    .innerJoin(authors, eq(authors.id, posts.authorId))
    .where(and(visiblePostFilter(now), before ? lt(posts.publishedAt, before) : undefined))
    .orderBy(desc(posts.publishedAt), desc(posts.id))
    .limit(limit)
    .all();
  return withLabelsAndCounts(rows);
}

export async function getVisiblePostByPermalink(permalink: string, now = new Date()): Promise<PostSummary | undefined> {
  const row = getDb()
    .select(summaryColumns)
    .from(posts)
    .innerJoin(authors, eq(authors.id, posts.authorId))
    .where(and(eq(posts.permalink, permalink), visiblePostFilter(now)))
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
      };
      const saved = existing
        ? tx.update(posts).set(row).where(eq(posts.id, existing.id)).returning().get()
        : tx
            .insert(posts)
            .values({ ...row, authorId: values.authorId })
            .returning()
            .get();
      setPostLabelsInTx(tx, saved.id, values.labels);
      return saved;
    },
    { behavior: 'immediate' },
  );
}
