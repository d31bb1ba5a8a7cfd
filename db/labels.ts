import 'server-only';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import { getDb, type Tx } from './client';
import { labels, postLabels, posts } from './schema';
import { visiblePostFilter } from './visibility';


/** Replaces a post's labels, creating labels that don't exist yet. Runs inside the caller's transaction. */
export function setPostLabelsInTx(tx: Tx, { postId, names }: { postId: number; names: string[] }): void {
  tx.delete(postLabels).where(eq(postLabels.postId, postId)).run();
  if (names.length === 0) return;
  tx.insert(labels)
    .values(names.map((name) => ({ name })))
    .onConflictDoNothing()
    .run();
  const rows = tx.select({ id: labels.id }).from(labels).where(inArray(labels.name, names)).all();
  tx.insert(postLabels)
    .values(rows.map((row) => ({ postId, labelId: row.id })))
    .onConflictDoNothing()
    .run();
}

/** Labels of many posts in one query, keyed by post id, each list sorted by name. */
export async function listLabelsByPostIds(postIds: number[]): Promise<Map<number, string[]>> {
  const byPost = new Map<number, string[]>();
  if (postIds.length === 0) return byPost;
  const rows = getDb()
    .select({ postId: postLabels.postId, name: labels.name })
    .from(postLabels)
    .innerJoin(labels, eq(labels.id, postLabels.labelId))
    .where(inArray(postLabels.postId, postIds))
    .orderBy(asc(labels.name))
    .all();
  for (const row of rows) {
    const list = byPost.get(row.postId) ?? [];
    list.push(row.name);
    byPost.set(row.postId, list);
  }
  return byPost;
}

/** Labels with the number of visible posts carrying each, for the Labels gadget. */
export async function listLabelsWithCounts(now = new Date()): Promise<{ name: string; count: number }[]> {
  return getDb()
    .select({ name: labels.name, count: sql<number>`count(*)` })
    .from(labels)
    .innerJoin(postLabels, eq(postLabels.labelId, labels.id))
    .innerJoin(posts, eq(posts.id, postLabels.postId))
    .where(visiblePostFilter(now))
    .groupBy(labels.id)
    .orderBy(asc(labels.name))
    .all();
}

/** True when every one of these labels exists (an unknown label is a 404, not an empty page). */
export async function labelsExist(names: string[]): Promise<boolean> {
  if (names.length === 0) return false;
  const unique = [...new Set(names)];
  const row = getDb()
    .select({ n: sql<number>`count(*)` })
    .from(labels)
    .where(inArray(labels.name, unique))
    .get();
  return row?.n === unique.length;
}

/** Every label ever used, for the editor's suggestions (drafts' labels included). */
export async function listAllLabelNames(): Promise<string[]> {
  return getDb()
    .select({ name: labels.name })
    .from(labels)
    .orderBy(asc(labels.name))
    .all()
    .map((l) => l.name);
}
