import 'server-only';
import { sql } from 'drizzle-orm';
import { makeExcerpt } from '@/lib/posts/content';
import { pagePermalink, postPermalink, permalinkCandidates } from '@/lib/posts/permalink';
import { slugify } from '@/lib/posts/slug';
import { sanitizePostHtml } from '@/lib/posts/sanitize';
import { getDb } from './client';
import { uniqueAuthorSlugInTx } from './authors';
import { setPostLabelsInTx } from './labels';
import { reindexPostInTx } from './search';
import { authors, comments, posts, settings } from './schema';

export type DemoComment = {
  name: string;
  website?: string; // optional https URL
  body: string; // plain text, paragraphs separated by '\n\n'; never HTML
  hoursAfter: number; // hours after the post (or after the parent comment, for replies)
  byAuthor?: boolean; // true when the blog's own author replies
  replies?: DemoComment[]; // one level only: replies never have replies
};

export type DemoPost = {
  title: string;
  daysAgo: number; // days before "now" that it was published
  labels: string[]; // 1-3 labels, exact case
  body: string; // HTML; passes through sanitizePostHtml when seeded
  comments: DemoComment[];
};

export type DemoPage = { title: string; slug: string; body: string };

export type DemoBlog = {
  title: string;
  description: string;
  authorName: string;
  authorEmail: string;
  authorBio: string;
  headerAdsHtml: string;
};

/** What the demo seed writes; the content itself is a fixture (test/fixtures/demo-blog.ts). */
export type DemoContent = { blog: DemoBlog; posts: DemoPost[]; pages: DemoPage[] };

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/**
 * Fills an empty blog with the demo content, in one transaction. Does nothing when the blog
 * already has posts, so running it twice is safe. The demo author cannot sign in: /admin still
 * offers first-run setup, which creates the real admin.
 */
export async function seedDemoBlog({ content, now = new Date() }: { content: DemoContent; now?: Date }): Promise<{ seeded: boolean; posts: number; comments: number }> {
  const { blog: demoBlog, posts: demoPosts, pages: demoPages } = content;
  const db = getDb();
  return db.transaction(
    (tx) => {
      const existing = tx.select({ n: sql<number>`count(*)` }).from(posts).get();
      if ((existing?.n ?? 0) > 0) return { seeded: false, posts: 0, comments: 0 };

      const current = tx.select().from(settings).get();
      const timeZone = current?.timezone ?? 'UTC';
      tx.insert(settings)
        .values({ id: 1, blogTitle: demoBlog.title, blogDescription: demoBlog.description })
        .onConflictDoUpdate({
          target: settings.id,
          set: current?.blogDescription ? {} : { blogDescription: demoBlog.description },
        })
        .run();

      const author = tx
        .insert(authors)
        .values({
          name: demoBlog.authorName,
          email: demoBlog.authorEmail,
          bio: demoBlog.authorBio,
          role: 'author',
          slug: uniqueAuthorSlugInTx(tx, demoBlog.authorName),
        })
        .onConflictDoUpdate({ target: authors.email, set: { name: demoBlog.authorName } })
        .returning()
        .get();

      const taken = new Set<string>();
      let commentCount = 0;
      for (const demo of demoPosts) {
        const publishedAt = new Date(now.getTime() - demo.daysAgo * DAY);
        const slug = slugify(demo.title);
        const permalink = permalinkCandidates(postPermalink(slug, publishedAt, timeZone)).find((p) => !taken.has(p))!;
        taken.add(permalink);
        const body = sanitizePostHtml(demo.body);
        const post = tx
          .insert(posts)
          .values({
            title: demo.title,
            slug,
            permalink,
            body,
            excerpt: makeExcerpt(body),
            status: 'published',
            publishedAt,
            updatedAt: publishedAt,
            authorId: author.id,
          })
          .returning({ id: posts.id })
          .get();
        setPostLabelsInTx(tx, { postId: post.id, names: demo.labels });
        reindexPostInTx(tx, post.id);

        const insertComment = (c: DemoComment, at: Date, parentId: number | null) => {
          const createdAt = new Date(Math.min(at.getTime() + c.hoursAfter * HOUR, now.getTime() - 60_000));
          commentCount++;
          return tx
            .insert(comments)
            .values({
              postId: post.id,
              parentId,
              authorName: c.name,
              authorUrl: c.website ?? null,
              body: c.body,
              status: 'published',
              isPostAuthor: c.byAuthor ?? false,
              createdAt,
            })
            .returning({ id: comments.id, createdAt: comments.createdAt })
            .get();
        };
        for (const c of demo.comments) {
          const parent = insertComment(c, publishedAt, null);
          for (const reply of c.replies ?? []) insertComment(reply, parent.createdAt, parent.id);
        }
      }
      const oldest = new Date(now.getTime() - Math.max(...demoPosts.map((p) => p.daysAgo)) * DAY);
      for (const page of demoPages) {
        const body = sanitizePostHtml(page.body);
        tx.insert(posts)
          .values({
            type: 'page',
            title: page.title,
            slug: page.slug,
            permalink: pagePermalink(page.slug),
            body,
            excerpt: makeExcerpt(body),
            status: 'published',
            publishedAt: oldest,
            updatedAt: oldest,
            authorId: author.id,
          })
          .run();
      }
      return { seeded: true, posts: demoPosts.length, comments: commentCount };
    },
    { behavior: 'immediate' },
  );
}
