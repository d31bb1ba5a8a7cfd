import 'server-only';
import { desc, eq, inArray, like } from 'drizzle-orm';
import type { MediaSizes } from '@/lib/responsive-images';
import { getDb } from './client';
import { media, posts, type Media } from './schema';

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

/** Posts and pages whose body shows this image, so deleting it can warn first. */
export async function listPostsUsingMedia(hash: string) {
  return getDb()
    .select({ id: posts.id, title: posts.title, type: posts.type })
    .from(posts)
    .where(like(posts.body, `%/media/${hash}%`))
    .all();
}
