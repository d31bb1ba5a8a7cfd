import 'server-only';
import { desc, eq, inArray, like, or, sql } from 'drizzle-orm';
import type { MediaSizes } from '@/lib/media/responsive-images';
import { getDb } from './client';
import { media, posts, type Media, type Post } from './schema';
import { visiblePostFilter } from './visibility';

/** Records an upload, or returns the record of the same file uploaded before. */
export async function createMedia(values: Omit<Media, 'id' | 'createdAt'>): Promise<Media> {
  const db = getDb();
  db.insert(media).values(values).onConflictDoNothing().run();
  return db.select().from(media).where(eq(media.hash, values.hash)).get()!;
}

export async function listMedia({ limit = 500 }: { limit?: number } = {}): Promise<Media[]> {
  return getDb().select().from(media).orderBy(desc(media.createdAt), desc(media.id)).limit(limit).all();
}

export async function getMediaById(id: number): Promise<Media | undefined> {
  return getDb().select().from(media).where(eq(media.id, id)).get();
}

export async function deleteMediaById(id: number): Promise<void> {
  getDb().delete(media).where(eq(media.id, id)).run();
}

/** Widths and sizes of the uploads a page shows, in one query. */
export async function getMediaSizes(hashes: string[]): Promise<MediaSizes> {
  if (hashes.length === 0) return new Map();
  const rows = getDb()
    .select({ hash: media.hash, variants: media.variants, width: media.width, height: media.height })
    .from(media)
    .where(inArray(media.hash, hashes))
    .all();
  return new Map(rows.map((r) => [r.hash, { variants: r.variants, width: r.width, height: r.height }]));
}

export type MediaUser = Pick<Post, 'id' | 'title' | 'type' | 'permalink'> & { editable: boolean };

/**
 * Posts and pages whose body shows this image, so deleting it can warn first. The viewer sees
 * by name only what they could read anyway: what they may edit (`mayEdit`, auth.ts's rule) and
 * what readers can see; other authors' drafts and not-yet-due posts are only counted.
 */
export async function listPostsUsingMedia({
  hash,
  mayEdit,
  now = new Date(),
}: {
  hash: string;
  mayEdit: (post: { authorId: number }) => boolean;
  now?: Date;
}): Promise<{ named: MediaUser[]; hiddenCount: number }> {
  const rows = getDb()
    .select({
      id: posts.id,
      title: posts.title,
      type: posts.type,
      permalink: posts.permalink,
      authorId: posts.authorId,
      visible: sql<number>`(${or(visiblePostFilter(now, 'post'), visiblePostFilter(now, 'page'))})`,
    })
    .from(posts)
    .where(like(posts.body, `%/media/${hash}%`))
    .all();
  const named: MediaUser[] = [];
  let hiddenCount = 0;
  for (const { authorId, visible, ...post } of rows) {
    const editable = mayEdit({ authorId });
    if (editable || visible) named.push({ ...post, editable });
    else hiddenCount++;
  }
  return { named, hiddenCount };
}
