import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthor } from '@/db/authors';
import { migrateDatabase } from '@/db/migrate';
import { savePost } from '@/db/posts';
import { listFeedReaders, listReferrerViews, listTopPostsByViews, listViewsByDay } from '@/db/stats';
import { dayNumber } from '@/lib/stats/stats';
import { isFeedFetch, isStatsBeacon, StatsCounter } from './stats';

// The front server's beacon answer over real HTTP, as server.ts serves it (one process, so the
// counter makes its own daily key), then a flush into the database.

const firefox = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';
let server: http.Server;
let origin: string;
let counter: StatsCounter;
let permalink: string;
let postId: number;

beforeAll(async () => {
  await migrateDatabase();
  const authorId = (await createAuthor({ name: 'Host', email: 'host@example.com' })).id;
  const post = await savePost({ authorId, title: 'Beaconed post', body: '<p>x</p>', labels: [], action: 'publish', timeZone: 'UTC' });
  permalink = post.permalink!;
  postId = post.id;
  // No timer: the test flushes by hand.
  counter = new StatsCounter({ flushMs: 3_600_000, enabled: true });
  await counter.start();
  server = http.createServer((req, res) => {
    if (isFeedFetch(req)) counter.countFeedFetch(req);
    if (isStatsBeacon(req)) void counter.serveBeacon(req, res);
    else res.writeHead(418).end('to Next');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await counter.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function beacon(body: string, headers: Record<string, string> = {}, method = 'POST') {
  const response = await fetch(`${origin}/api/stats/hit`, {
    method,
    body: method === 'POST' ? body : undefined,
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': firefox, 'x-forwarded-for': '203.0.113.7', ...headers },
  });
  return { status: response.status, stats: response.headers.get('x-stats'), text: await response.text() };
}

const today = () => dayNumber(new Date(), 'UTC');

describe('the beacon', () => {
  it('counts a reader’s view of a post with the referring site, once per visitor', async () => {
    const p = encodeURIComponent(permalink);
    expect(await beacon(`p=${p}&r=${encodeURIComponent('https://www.google.com/search?q=private')}`)).toMatchObject({ status: 204, stats: 'counted' });
    expect(await beacon(`p=${p}`)).toMatchObject({ status: 204, stats: 'counted' });
    expect(await beacon('p=%2F', { 'x-forwarded-for': '203.0.113.8' })).toMatchObject({ status: 204, stats: 'counted' });
    await counter.flush();
    const range = { from: today(), to: today() };
    expect(await listViewsByDay({ range, authorId: null })).toEqual([{ day: today(), views: 3, visitors: 2 }]);
    expect((await listTopPostsByViews({ range, authorId: null, limit: 5 })).map((row) => [row.id, row.views])).toEqual([[postId, 2]]);
    expect(await listReferrerViews({ range, limit: 5 })).toEqual([{ domain: 'google.com', views: 1 }]);
  });

  it('does not count crawlers, signed-in authors, Do Not Track, unknown pages or a burst past the cap', async () => {
    const p = `p=${encodeURIComponent(permalink)}`;
    expect((await beacon(p, { 'user-agent': 'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)' })).stats).toBe('not counted: robot');
    expect((await beacon(p, { cookie: 'theme=dark; authjs.session-token=abc' })).stats).toBe('not counted: author');
    expect((await beacon(p, { dnt: '1' })).stats).toBe('not counted: do not track');
    expect((await beacon(p, { 'sec-gpc': '1' })).stats).toBe('not counted: do not track');
    expect((await beacon('p=%2F2001%2F01%2Fforged.html')).stats).toBe('not counted: no page is published at that path');
    const burst = [];
    for (let i = 0; i < 61; i++) burst.push((await beacon(p, { 'x-forwarded-for': '198.51.100.1' })).stats);
    expect(burst.filter((s) => s === 'counted')).toHaveLength(60);
    expect(burst.at(-1)).toBe('not counted: too many page views from this address this minute');
  });

  it('refuses what is not a beacon with a clear 4xx', async () => {
    expect(await beacon('x=1')).toMatchObject({ status: 400, text: expect.stringContaining('needs the path') });
    expect(await beacon('p=%2Fadmin')).toMatchObject({ status: 400 });
    expect(await beacon(`p=${'a'.repeat(3000)}`)).toMatchObject({ status: 413 });
    expect(await beacon('', {}, 'GET')).toMatchObject({ status: 405 });
    expect(await beacon('p=%2F', { origin: 'https://elsewhere.example' })).toMatchObject({ status: 403 });
  });
});

describe('a new day', () => {
  it('forgets the last day’s visitors at the next flush, even with nothing new to write', async () => {
    const { getDb } = await import('@/db/client');
    const sqlite = getDb().$client;
    await counter.flush();
    sqlite.prepare('insert into stats_visitors (day, hash) values (?, ?)').run(today() - 1, 12345);
    await counter.flush();
    expect(sqlite.prepare('select count(*) from stats_visitors where day < ?').pluck().get(today())).toBe(0);
  });
});

describe('feed fetches', () => {
  it('are counted by reader, with the subscribers it reports', async () => {
    await fetch(`${origin}/feeds/posts/default`, { headers: { 'user-agent': 'Feedly/1.0 (+http://www.feedly.com/fetcher.html; 42 subscribers)' } });
    await fetch(`${origin}/feeds/posts/default?alt=rss`, { headers: { 'user-agent': 'NetNewsWire (RSS Reader; https://netnewswire.com/)' } });
    await counter.flush();
    const feeds = await listFeedReaders({ range: { from: today(), to: today() } });
    expect(feeds.map(({ reader, fetches, subscribers }) => [reader, fetches, subscribers])).toEqual([
      ['Feedly', 1, 42],
      ['NetNewsWire', 1, 0],
    ]);
  });
});
