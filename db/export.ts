import 'server-only';
import { asc, eq, gt, inArray } from 'drizzle-orm';
import { getDb } from './client';
import { listLabelsByPostIds } from './labels';
import { authors, comments, posts, type Comment, type Post } from './schema';

export type ExportPost = Post & { authorName: string; authorEmail: string; labels: string[]; comments: Comment[] };

/**
 * Every post and page with its labels and comments, a batch at a time in id order (a keyset,
 * so the export reads the same rows however large the blog is and never holds it all).
 */
export async function* listPostsForExport({ batch = 200 }: { batch?: number } = {}): AsyncGenerator<ExportPost[]> {
  const db = getDb();
  let after = 0;
  for (;;) {
    const rows = db
      .select({ post: posts, authorName: authors.name, authorEmail: authors.email })
      .from(posts)
      .innerJoin(authors, eq(authors.id, posts.authorId))
      .where(gt(posts.id, after))
      .orderBy(asc(posts.id))
      .limit(batch)
      .all();
    if (rows.length === 0) return;
    const ids = rows.map((r) => r.post.id);
    const labelsById = await listLabelsByPostIds(ids);
    const byPost = new Map<number, Comment[]>();
    for (const comment of db.select().from(comments).where(inArray(comments.postId, ids)).orderBy(asc(comments.createdAt), asc(comments.id)).all()) {
      byPost.set(comment.postId, [...(byPost.get(comment.postId) ?? []), comment]);
    }
    yield rows.map((r) => ({ ...r.post, authorName: r.authorName, authorEmail: r.authorEmail, labels: labelsById.get(r.post.id) ?? [], comments: byPost.get(r.post.id) ?? [] }));
    after = ids.at(-1)!;
  }
}

export async function listAuthorsForExport() {
  return getDb()
    .select({ id: authors.id, name: authors.name, email: authors.email, slug: authors.slug })
    .from(authors)
    .where(inArray(authors.id, getDb().select({ id: posts.authorId }).from(posts)))
    .orderBy(asc(authors.id))
    .all();
}
