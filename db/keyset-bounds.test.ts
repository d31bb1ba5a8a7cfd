import { beforeAll, describe, expect, it } from 'vitest';
import { createAuthor } from './authors';
import { getDb } from './client';
import { migrateDatabase } from './migrate';
import { countVisiblePosts, getNeighbourPosts, listVisiblePosts } from './posts';

/*
 * A crawler walking a large blog's long tail asks for its oldest posts, archives and listing pages,
 * each rendered live. Their queries keep below a time (the post's own, a keyset, an archive's end)
 * as well as below "now"; the index can be sought to only one of those bounds, and seeking to "now"
 * walks past every newer post first. Each query for the oldest posts must cost about what it costs
 * for the newest (the plan tests cannot tell: both plans read "SEARCH … USING INDEX").
 */

const POSTS = 50_000;
const DAY = 24 * 60 * 60 * 1000;
const start = Date.UTC(2000, 0, 1);
const at = (i: number) => new Date(start + i * DAY);
const now = at(POSTS + 10);

beforeAll(async () => {
  await migrateDatabase();
  const author = await createAuthor({ name: 'Prolific', email: 'prolific@example.org' });
  const client = getDb().$client;
  const insert = client.prepare(
    `insert into posts (type, title, slug, permalink, body, status, published_at, updated_at, author_id) values ('post', ?, ?, ?, '<p>x</p>', 'published', ?, ?, ?)`,
  );
  client.transaction(() => {
    for (let i = 0; i < POSTS; i++) insert.run(`Post ${i}`, `post-${i}`, `/p${i}.html`, start + i * DAY, start + i * DAY, author.id);
  })();
}, 60_000);

/** The median time of a query, in ms, over enough runs that a pause on a busy machine does not count. */
function median(run: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < 25; i++) {
    const t = performance.now();
    run();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[12]!;
}

async function costsAboutTheSame(run: (i: number) => Promise<unknown>) {
  // Warm both first: the statement cache and the pages read.
  await run(POSTS - 5);
  await run(5);
  const newest = median(() => run(POSTS - 5));
  const oldest = median(() => run(5));
  // Walking 50,000 index entries costs about 3 ms; a seek costs what building the query does (0.1–0.3 ms).
  expect(oldest).toBeLessThan(newest * 2 + 0.5);
}

describe('queries below a time seek straight to it, however old', () => {
  it('the older post of a post', async () => {
    expect((await getNeighbourPosts(at(5), now)).older?.permalink).toBe('/p4.html');
    await costsAboutTheSame((i) => getNeighbourPosts(at(i), now));
  });

  it('an older page of a listing', async () => {
    expect((await listVisiblePosts({ before: at(5), limit: 2, now })).map((p) => p.permalink)).toEqual(['/p4.html', '/p3.html']);
    await costsAboutTheSame((i) => listVisiblePosts({ before: at(i), limit: 10, now }));
  });

  it('an archive page and its count', async () => {
    const filter = (i: number) => ({ from: at(i - 3), to: at(i) });
    expect((await listVisiblePosts({ filter: filter(5), limit: 10, now })).map((p) => p.permalink)).toEqual(['/p4.html', '/p3.html', '/p2.html']);
    expect(await countVisiblePosts(filter(5), now)).toBe(3);
    await costsAboutTheSame((i) => listVisiblePosts({ filter: filter(i), limit: 10, now }));
    await costsAboutTheSame((i) => countVisiblePosts(filter(i), now));
  });

  it('still keeps posts that are not yet visible out', async () => {
    const later = at(POSTS - 100);
    expect((await getNeighbourPosts(at(POSTS - 1), later)).older?.permalink).toBe(`/p${POSTS - 100}.html`);
    expect((await listVisiblePosts({ before: at(POSTS), limit: 1, now: later }))[0]?.permalink).toBe(`/p${POSTS - 100}.html`);
    expect(await countVisiblePosts({ from: at(POSTS - 102), to: at(POSTS) }, later)).toBe(3);
  });
});
