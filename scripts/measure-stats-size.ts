/**
 * How much a year of a busy blog's stats takes in the database. Generates the counts a year of
 * reading would leave (through db/stats.ts's own write, one batch per day) in a fresh database,
 * or adds them to an existing one, then prints the file size and each stats table's share.
 *
 *   npm run measure:stats-size -- [--days 365] [--posts 1000] [--views 20000] [--db path/to/blog.db]
 *
 * The default blog: 1,000 posts, 20,000 page views a day (about 7.3 million a year), popularity
 * falling off as Zipf's law (a few posts take most views, yet every post is read most days, so
 * every post has a row every day: the worst case for size), 8,000 visitors a day, 150 referring
 * sites a day out of 2,000, 7 browser and 7 system families, 10 feed readers.
 * With --db the days end today and the posts are that database's visible posts (for trying the
 * Stats page on realistic numbers).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    days: { type: 'string', default: '365' },
    posts: { type: 'string', default: '1000' },
    views: { type: 'string', default: '20000' },
    db: { type: 'string' },
  },
});
const days = Number(values.days);
const postCount = Number(values.posts);
const dailyViews = Number(values.views);
const dir = values.db ? null : mkdtempSync(path.join(tmpdir(), 'blogstead-stats-size-'));
process.env.DATABASE_URL = values.db ?? path.join(dir!, 'blog.db');

type StatsBatch = import('@/lib/stats/stats').StatsBatch;

async function main() {
  const { getDb, closeDb } = await import('@/db/client');
  const { migrateDatabase } = await import('@/db/migrate');
  const { writeStatsBatch } = await import('@/db/stats');
  const { dayNumber } = await import('@/lib/stats/stats');

  await migrateDatabase();
  const sqlite = getDb().$client;
  const postIds: number[] = values.db
    ? (sqlite.prepare("select id from posts where status = 'published' order by published_at desc").pluck().all() as number[])
    : Array.from({ length: postCount }, (_, i) => i + 1);

  // A fixed seed, so two runs measure the same year.
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const noisy = (n: number) => Math.max(0, Math.round(n * (0.7 + random() * 0.6)));
  const zipf = (count: number, s = 1) => {
    const weights = Array.from({ length: count }, (_, i) => 1 / (i + 1) ** s);
    const total = weights.reduce((a, b) => a + b, 0);
    return weights.map((w) => w / total);
  };
  const postWeights = zipf(postIds.length);
  const referrers = Array.from({ length: 2000 }, (_, i) =>
    i === 0 ? 'google.com' : i === 1 ? 'bing.com' : i === 2 ? 'duckduckgo.com' : i === 3 ? 't.co' : i === 4 ? 'reddit.com' : `site-${i}.example`,
  );
  const referrerWeights = zipf(referrers.length);
  const browsers = ['Chrome', 'Safari', 'Firefox', 'Edge', 'Samsung Internet', 'Opera', 'Other'];
  const systems = ['Android', 'iOS', 'Windows', 'macOS', 'Linux', 'ChromeOS', 'Other'];
  const readers = ['Feedly', 'Inoreader', 'NetNewsWire', 'NewsBlur', 'Feedbin', 'Miniflux', 'FreshRSS', 'The Old Reader', 'Thunderbird', 'Other'];

  const today = dayNumber(new Date(), 'UTC');
  const first = today - days + 1;
  const started = performance.now();
  for (let day = first; day <= today; day++) {
    const batch: StatsBatch = { days: new Map(), posts: new Map(), referrers: new Map(), agents: new Map(), feeds: new Map(), visitors: new Map() };
    const views = noisy(dailyViews);
    batch.days.set(day, views);
    postIds.forEach((postId, i) => {
      const n = noisy(views * 0.8 * postWeights[i]!);
      if (n > 0) batch.posts.set(`${day}:${postId}`, { day, postId, views: n });
    });
    // About 150 referring sites a day: the top ones always, the long tail by chance.
    for (let i = 0; i < referrers.length && batch.referrers.size < 150; i++) {
      const n = noisy(views * 0.3 * referrerWeights[i]!);
      if (n > 0 || random() < 0.05) batch.referrers.set(`${day}:${referrers[i]}`, { day, domain: referrers[i]!, views: Math.max(1, n) });
    }
    browsers.forEach((name, i) => batch.agents.set(`${day}:b:${name}`, { day, kind: 'browser', name, views: noisy(views / 2 ** (i + 1)) }));
    systems.forEach((name, i) => batch.agents.set(`${day}:o:${name}`, { day, kind: 'os', name, views: noisy(views / 2 ** (i + 1)) }));
    readers.forEach((reader, i) => batch.feeds.set(`${day}:${reader}`, { day, reader, fetches: noisy(2000 / (i + 1)), subscribers: i === 0 ? 400 : 0 }));
    // Only today's visitors are kept; earlier days' rows are deleted by the write of the next day.
    const visitors = noisy(dailyViews * 0.4);
    for (let v = 0; v < visitors; v++) batch.visitors.set(`${day}:${v}`, { day, hash: Math.floor(random() * 2 ** 52) });
    await writeStatsBatch({ batch, today: day, popular: null });
}
const writeSeconds = (performance.now() - started) / 1000;

sqlite.pragma('wal_checkpoint(TRUNCATE)');
const tables = sqlite
  .prepare("select name, sum(pgsize) as bytes from dbstat where name like 'stats_%' group by name order by bytes desc")
  .all() as { name: string; bytes: number }[];
const rows = Object.fromEntries(tables.map(({ name }) => [name, (sqlite.prepare(`select count(*) from "${name}"`).pluck().get() as number)]));
const statsBytes = tables.reduce((sum, t) => sum + t.bytes, 0);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

console.log(`${days} days, ${postIds.length} posts, about ${dailyViews.toLocaleString('en-US')} views a day (written in ${writeSeconds.toFixed(1)} s)`);
for (const { name, bytes } of tables) console.log(`  ${name.padEnd(22)} ${String(rows[name]).padStart(9)} rows  ${mb(bytes).padStart(10)}`);
console.log(`  stats tables together: ${mb(statsBytes)}`);
if (!values.db) {
  sqlite.exec('vacuum');
  console.log(`  whole database file (only stats in it), after VACUUM: ${mb(statSync(process.env.DATABASE_URL!).size)}`);
}
closeDb();
if (dir) rmSync(dir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
