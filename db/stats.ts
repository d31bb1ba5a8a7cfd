import 'server-only';
import { and, desc, eq, gte, inArray, lte, sql, sum, type SQL } from 'drizzle-orm';
import type { StatsBatch } from '@/lib/stats/stats';
import { getDb, preparedPerConnection } from './client';
import { posts, statsAgentDays, statsDays, statsFeedDays, statsPostDays, statsPostTotals, statsReferrerDays } from './schema';
import { visiblePostFilter } from './visibility';

/** A range of stored days, both ends included; `from: null` is all time. */
export type DayRange = { from: number | null; to: number };

// Read for every beacon that names a post or page: one indexed lookup.
const countablePost = preparedPerConnection((db) =>
  db
    .select({ id: posts.id })
    .from(posts)
    .where(
      and(
        eq(posts.permalink, sql.placeholder('permalink')),
        sql`${posts.status} in ('published', 'scheduled')`,
        lte(posts.publishedAt, sql.placeholder('now')),
      ),
    )
    .prepare(),
);

/** The id of the visible post or page at this address, or null: a beacon for anything else is dropped. */
export function findCountablePostId({ permalink, now }: { permalink: string; now: Date }): number | null {
  return countablePost().get({ permalink, now: now.getTime() })?.id ?? null;
}

/** Which Popular Posts ranking a flush keeps current: by views since a day (null: all time), how many. */
export type PopularByViews = { since: number | null; limit: number };

const writers = new WeakMap<object, (batch: StatsBatch, today: number, popular: PopularByViews | null) => void>();

function writerFor() {
  const db = getDb();
  let write = writers.get(db);
  if (write) return write;
  const sqlite = db.$client;
  const addDay = sqlite.prepare('insert into stats_days (day, views) values (?, ?) on conflict (day) do update set views = views + excluded.views');
  const addVisitor = sqlite.prepare('insert or ignore into stats_visitors (day, hash) values (?, ?)');
  const addVisitors = sqlite.prepare(
    'insert into stats_days (day, visitors) values (?, ?) on conflict (day) do update set visitors = visitors + excluded.visitors',
  );
  const forgetVisitors = sqlite.prepare('delete from stats_visitors where day < ?');
  const addPost = sqlite.prepare(
    'insert into stats_post_days (day, post_id, views) values (?, ?, ?) on conflict (day, post_id) do update set views = views + excluded.views',
  );
  const addPostTotal = sqlite.prepare(
    'insert into stats_post_totals (post_id, views) values (?, ?) on conflict (post_id) do update set views = views + excluded.views',
  );
  const addReferrer = sqlite.prepare(
    'insert into stats_referrer_days (day, domain, views) values (?, ?, ?) on conflict (day, domain) do update set views = views + excluded.views',
  );
  const addAgent = sqlite.prepare(
    'insert into stats_agent_days (day, kind, name, views) values (?, ?, ?, ?) on conflict (day, kind, name) do update set views = views + excluded.views',
  );
  const addFeed = sqlite.prepare(
    'insert into stats_feed_days (day, reader, fetches, subscribers) values (?, ?, ?, ?) ' +
      'on conflict (day, reader) do update set fetches = fetches + excluded.fetches, subscribers = max(subscribers, excluded.subscribers)',
  );
  const shownRanking = sqlite.prepare('select popular from stats_state where id = 1').pluck();
  const keepRanking = sqlite.prepare('insert into stats_state (id, popular) values (1, ?) on conflict (id) do update set popular = excluded.popular');
  const bumpVersion = sqlite.prepare('update content_version set version = version + 1 where id = 1');
  const transaction = sqlite.transaction((batch: StatsBatch, today: number, popular: PopularByViews | null) => {
    // Yesterday's visitors are forgotten as soon as the first hit of a new day is written.
    forgetVisitors.run(today);
    for (const [day, views] of batch.days) addDay.run(day, views);
    const fresh = new Map<number, number>();
    for (const { day, hash } of batch.visitors.values()) {
      if (day < today) continue;
      if (addVisitor.run(day, hash).changes > 0) fresh.set(day, (fresh.get(day) ?? 0) + 1);
    }
    for (const [day, count] of fresh) addVisitors.run(day, count);
    const totals = new Map<number, number>();
    for (const { day, postId, views } of batch.posts.values()) {
      addPost.run(day, postId, views);
      totals.set(postId, (totals.get(postId) ?? 0) + views);
    }
    for (const [postId, views] of totals) addPostTotal.run(postId, views);
    for (const { day, domain, views } of batch.referrers.values()) addReferrer.run(day, domain, views);
    for (const { day, kind, name, views } of batch.agents.values()) addAgent.run(day, kind, name, views);
    for (const { day, reader, fetches, subscribers } of batch.feeds.values()) addFeed.run(day, reader, fetches, subscribers);
    // The Popular Posts gadget is on every cached page: when its ranking changes, the content
    // version moves so the next read of any page shows the new one; otherwise no page is touched.
    if (totals.size > 0 && popular) {
      const ranking = popularPostsByViews({ ...popular, now: new Date() })
        .map((post) => post.id)
        .join(',');
      if (ranking !== (shownRanking.get() ?? '')) {
        keepRanking.run(ranking);
        bumpVersion.run();
      }
    }
  });
  write = (batch, today, popular) => transaction.immediate(batch, today, popular);
  writers.set(db, write);
  return write;
}

/**
 * Adds a batch of counts in one immediate transaction (one fsync), so each worker's batches add
 * up with every other's. `popular` is the Popular Posts gadget's ranking by views (null when it
 * ranks by comments or is hidden): when the write changes it, cached pages are made to show the new one.
 */
export async function writeStatsBatch({ batch, today, popular }: { batch: StatsBatch; today: number; popular: PopularByViews | null }): Promise<void> {
  writerFor()(batch, today, popular);
}

const forgetVisitors = preparedPerConnection((db) => db.$client.prepare('delete from stats_visitors where day < ?'));

/** Deletes the visitor hashes of days before this one: nothing about one visitor outlives its day. */
export async function forgetStatsVisitorsBefore(day: number): Promise<void> {
  forgetVisitors().run(day);
}

/** Visible posts by views since a day (null: all time), most viewed first. */
export async function listPopularPostsByViews({ since, limit, now = new Date() }: PopularByViews & { now?: Date }) {
  return popularPostsByViews({ since, limit, now });
}

// Synchronous, for the flush's transaction.
function popularPostsByViews({ since, limit, now }: PopularByViews & { now: Date }) {
  const db = getDb();
  const columns = { id: posts.id, title: posts.title, permalink: posts.permalink, excerpt: posts.excerpt };
  const rows =
    since === null
      ? db
          .select({ ...columns, views: statsPostTotals.views })
          .from(statsPostTotals)
          .innerJoin(posts, eq(posts.id, statsPostTotals.postId))
          .where(visiblePostFilter(now))
          .orderBy(desc(statsPostTotals.views), desc(posts.publishedAt))
          .limit(limit)
          .all()
      : db
          .select({ ...columns, views: sql<number>`sum(${statsPostDays.views})` })
          .from(statsPostDays)
          .innerJoin(posts, eq(posts.id, statsPostDays.postId))
          .where(and(gte(statsPostDays.day, since), visiblePostFilter(now)))
          .groupBy(posts.id)
          .orderBy(desc(sql`sum(${statsPostDays.views})`), desc(posts.publishedAt))
          .limit(limit)
          .all();
  return rows.map((row) => ({ ...row, permalink: row.permalink ?? '' }));
}

/** All-time views of each of these posts (for Admin → Posts); a post never viewed is absent. */
export async function getViewTotalsByPostIds(ids: number[]): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  const rows = getDb().select().from(statsPostTotals).where(inArray(statsPostTotals.postId, ids)).all();
  return new Map(rows.map((row) => [row.postId, row.views]));
}

function dayWithin(column: typeof statsDays.day | typeof statsPostDays.day, range: DayRange): SQL | undefined {
  return range.from === null ? lte(column, range.to) : and(gte(column, range.from), lte(column, range.to));
}

/**
 * Views per day in a range: of every reader page (authorId null, for admins) or of one author's
 * posts and pages. Visitors are counted for the whole blog only.
 */
export async function listViewsByDay({ range, authorId }: { range: DayRange; authorId: number | null }) {
  const db = getDb();
  if (authorId === null) {
    return db
      .select({ day: statsDays.day, views: statsDays.views, visitors: statsDays.visitors })
      .from(statsDays)
      .where(dayWithin(statsDays.day, range))
      .orderBy(statsDays.day)
      .all();
  }
  return db
    .select({ day: statsPostDays.day, views: sql<number>`sum(${statsPostDays.views})`, visitors: sql<number>`0` })
    .from(statsPostDays)
    .innerJoin(posts, eq(posts.id, statsPostDays.postId))
    .where(and(dayWithin(statsPostDays.day, range), eq(posts.authorId, authorId)))
    .groupBy(statsPostDays.day)
    .orderBy(statsPostDays.day)
    .all();
}

/** The posts and pages with the most views in a range, with their views; an author sees only their own. */
export async function listTopPostsByViews({ range, authorId, limit }: { range: DayRange; authorId: number | null; limit: number }) {
  const views = sql<number>`sum(${statsPostDays.views})`;
  return getDb()
    .select({ id: posts.id, title: posts.title, type: posts.type, permalink: posts.permalink, views })
    .from(statsPostDays)
    .innerJoin(posts, eq(posts.id, statsPostDays.postId))
    .where(and(dayWithin(statsPostDays.day, range), authorId === null ? undefined : eq(posts.authorId, authorId)))
    .groupBy(posts.id)
    .orderBy(desc(views), posts.id)
    .limit(limit)
    .all();
}

/** Views by referring site in a range, most first. */
export async function listReferrerViews({ range, limit }: { range: DayRange; limit: number }) {
  const views = sql<number>`sum(${statsReferrerDays.views})`;
  return getDb()
    .select({ domain: statsReferrerDays.domain, views })
    .from(statsReferrerDays)
    .where(range.from === null ? lte(statsReferrerDays.day, range.to) : and(gte(statsReferrerDays.day, range.from), lte(statsReferrerDays.day, range.to)))
    .groupBy(statsReferrerDays.domain)
    .orderBy(desc(views), statsReferrerDays.domain)
    .limit(limit)
    .all();
}

/** Views by browser or by system family in a range, most first. */
export async function listAgentViews({ range, kind }: { range: DayRange; kind: 'browser' | 'os' }) {
  const views = sql<number>`sum(${statsAgentDays.views})`;
  return getDb()
    .select({ name: statsAgentDays.name, views })
    .from(statsAgentDays)
    .where(
      and(
        eq(statsAgentDays.kind, kind),
        range.from === null ? lte(statsAgentDays.day, range.to) : and(gte(statsAgentDays.day, range.from), lte(statsAgentDays.day, range.to)),
      ),
    )
    .groupBy(statsAgentDays.name)
    .orderBy(desc(views), statsAgentDays.name)
    .all();
}

/**
 * Feed fetches by reader application in a range: fetches, the days a reader fetched, and the
 * largest subscriber count it reported on any of them.
 */
export async function listFeedReaders({ range }: { range: DayRange }) {
  const fetches = sum(statsFeedDays.fetches).mapWith(Number);
  return getDb()
    .select({
      reader: statsFeedDays.reader,
      fetches,
      days: sql<number>`count(*)`,
      subscribers: sql<number>`max(${statsFeedDays.subscribers})`,
    })
    .from(statsFeedDays)
    .where(range.from === null ? lte(statsFeedDays.day, range.to) : and(gte(statsFeedDays.day, range.from), lte(statsFeedDays.day, range.to)))
    .groupBy(statsFeedDays.reader)
    .orderBy(desc(fetches), statsFeedDays.reader)
    .all();
}

/** Every stored day with its views, visitors and feed fetches, oldest first: the CSV export. */
export async function listDailyCounts({ authorId }: { authorId: number | null }) {
  const db = getDb();
  if (authorId !== null) {
    return db
      .select({ day: statsPostDays.day, views: sql<number>`sum(${statsPostDays.views})`, visitors: sql<number | null>`null`, feedFetches: sql<number | null>`null` })
      .from(statsPostDays)
      .innerJoin(posts, eq(posts.id, statsPostDays.postId))
      .where(eq(posts.authorId, authorId))
      .groupBy(statsPostDays.day)
      .orderBy(statsPostDays.day)
      .all();
  }
  const feedFetches = sql<number | null>`(select coalesce(sum(${statsFeedDays.fetches}), 0) from ${statsFeedDays} where ${statsFeedDays.day} = ${statsDays.day})`;
  return db
    .select({ day: statsDays.day, views: statsDays.views, visitors: statsDays.visitors, feedFetches })
    .from(statsDays)
    .orderBy(statsDays.day)
    .all();
}
