import 'server-only';
import { and, eq, gt, inArray, min, sql } from 'drizzle-orm';
import { getDb, type Db } from './client';
import { contentVersion, posts } from './schema';

type Entry = { version: number; expiresAt: number; value: Promise<unknown> };
const entries = new Map<string, Entry>();

const queries = new WeakMap<Db, ReturnType<typeof prepareQueries>>();

function prepareQueries(db: Db) {
  return {
    version: db.select({ version: contentVersion.version }).from(contentVersion).where(eq(contentVersion.id, 1)).prepare(),
    nextScheduled: db
      .select({ at: min(posts.publishedAt) })
      .from(posts)
      .where(and(inArray(posts.type, ['post', 'page']), eq(posts.status, 'scheduled'), gt(posts.publishedAt, sql.placeholder('now'))))
      .prepare(),
  };
}

/** Prepared once per connection: every reader request asks (proxy.ts, the sidebar gadgets). */
function prepared() {
  const db = getDb();
  let q = queries.get(db);
  if (!q) queries.set(db, (q = prepareQueries(db)));
  return q;
}

/** The content version: bumped by database triggers on every change a reader could see. */
export function currentVersion(): number {
  return prepared().version.get()?.version ?? 0;
}

/** When the next scheduled post or page becomes visible: what readers see changes then, with no write. */
export function nextScheduledAt(now: number): number {
  const row = prepared().nextScheduled.get({ now });
  return row?.at ? row.at.getTime() : Number.POSITIVE_INFINITY;
}

/**
 * Reader data that is costly to compute and the same for everyone (the sidebar's archive, label
 * and popular-post counts): kept in memory until anything readers could see changes (the
 * content version, bumped by database triggers whoever writes) or a scheduled post becomes due.
 * Exact, not time-based: the first read after a change recomputes; no reader sees stale data.
 */
export async function readThrough<T>(key: string, compute: () => Promise<T>): Promise<T> {
  const now = Date.now();
  const version = currentVersion();
  const hit = entries.get(key);
  if (hit && hit.version === version && now < hit.expiresAt) return hit.value as Promise<T>;
  const value = compute();
  entries.set(key, { version, expiresAt: nextScheduledAt(now), value });
  // A failed read is never kept.
  value.catch(() => {
    if (entries.get(key)?.value === value) entries.delete(key);
  });
  return value;
}

/** For tests and scripts that switch databases. */
export function clearReaderCache(): void {
  entries.clear();
  due = undefined;
}

let due: { version: number; at: number } | undefined;

/**
 * What a cached reader page depends on beyond its address (see lib/page-cache.ts): the content
 * version and when the next scheduled post becomes due. One indexed read of a one-row table per
 * request; the due time is looked up again only after a write or once it has passed.
 */
export function readerCacheState(now = Date.now()): { version: number; dueAt: number } {
  const version = currentVersion();
  if (!due || due.version !== version || now >= due.at) due = { version, at: nextScheduledAt(now) };
  return { version, dueAt: due.at };
}
