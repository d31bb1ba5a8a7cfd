import 'server-only';
import Database from 'better-sqlite3';
import { and, eq, gt, inArray, min, sql } from 'drizzle-orm';
import { databasePath } from '@/lib/site/config';
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

/**
 * What a cached reader page depends on beyond its address (see lib/reading/page-cache.ts): the content
 * version and when the next scheduled post becomes due. For the page cache in front of Next
 * (server/front.ts), which asks on every request before Next is involved, on a connection of its
 * own that shares no objects with the app's: one indexed read of a one-row table per request;
 * the due time is looked up again only after a write or once it has passed.
 */
export function openReaderStateReader(file = databasePath()) {
  const sqlite = new Database(file, { fileMustExist: true });
  sqlite.pragma('busy_timeout = 1000');
  const version = sqlite.prepare('select version from content_version where id = 1').pluck();
  const nextDue = sqlite
    .prepare("select min(published_at) from posts where type in ('post', 'page') and status = 'scheduled' and published_at > ?")
    .pluck();
  let known: { version: number; at: number } | undefined;
  return {
    state(now = Date.now()): { version: number; dueAt: number } {
      const current = (version.get() as number | undefined) ?? 0;
      if (!known || known.version !== current || now >= known.at) {
        const at = nextDue.get(now) as number | null;
        known = { version: current, at: at ?? Number.POSITIVE_INFINITY };
      }
      return { version: current, dueAt: known.at };
    },
    close: () => sqlite.close(),
  };
}
