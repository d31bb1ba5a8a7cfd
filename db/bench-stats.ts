import 'server-only';
import Database from 'better-sqlite3';

/**
 * The bench's view of a blog's stats, on a database file a running server is using (the bench
 * must not open the server's own connection): what was counted, and wiping it afterwards so the
 * next run reuses an unchanged blog.
 */
export function countBenchStatsViews(file: string): number {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (sqlite.prepare('select coalesce(sum(views), 0) from stats_days').pluck().get() as number) ?? 0;
  } finally {
    sqlite.close();
  }
}

export function deleteBenchStats(file: string): void {
  const sqlite = new Database(file);
  try {
    sqlite.pragma('busy_timeout = 5000');
    const tables = ['stats_days', 'stats_post_days', 'stats_post_totals', 'stats_referrer_days', 'stats_agent_days', 'stats_feed_days', 'stats_visitors', 'stats_state'];
    sqlite.transaction(() => {
      for (const table of tables) sqlite.prepare(`delete from ${table}`).run();
    })();
  } finally {
    sqlite.close();
  }
}
