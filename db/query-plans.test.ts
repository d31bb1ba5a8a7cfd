import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthor } from './authors';
import { getDb } from './client';
import { createComment, countPublishedCommentsByPostIds, listPublishedCommentsByPostId, listRecentPublishedComments } from './comments';
import { labelsExist, listLabelsWithCounts } from './labels';
import { migrateDatabase } from './migrate';
import {
  countPostsByMonth,
  countVisiblePosts,
  getNeighbourPosts,
  getVisiblePostById,
  listNewerPublishTimes,
  listPopularPosts,
  listSitemapEntries,
  listVisiblePages,
  listVisiblePosts,
  listVisiblePostsByIds,
  savePost,
} from './posts';
import { resolveAddress } from './addresses';
import { searchPostIds } from './search';
import { getAuthorBySlug, listPublishingAuthors } from './authors';
import { readThrough } from './reader-cache';

/** Every statement a reader page runs, with its parameters, recorded as better-sqlite3 runs it. */
const recorded: { sql: string; params: unknown[] }[] = [];
let restore: () => void;
let explain: (sql: string, params: unknown[]) => { detail: string }[];

beforeAll(async () => {
  await migrateDatabase();
  const author = await createAuthor({ name: 'Plan Writer', email: 'plans@example.org' });
  for (let i = 0; i < 30; i++) {
    const post = await savePost({
      authorId: author.id,
      title: `Planned post ${i}`,
      body: `<p>Body ${i} about gardens</p>`,
      labels: i % 2 ? ['Garden', 'Notes'] : ['Notes'],
      action: 'publish',
      timeZone: 'UTC',
      now: new Date(Date.UTC(2024, i % 12, 1 + i)),
    });
    await createComment({ postId: post.id, authorName: 'Reader', body: `Comment ${i}` });
  }
  const client = getDb().$client;
  const prepare = client.prepare.bind(client);
  client.prepare = ((source: string) => {
    const statement = prepare(source);
    for (const method of ['all', 'get', 'iterate', 'run'] as const) {
      const original = (statement[method] as (...args: unknown[]) => unknown).bind(statement);
      (statement as unknown as Record<string, unknown>)[method] = (...params: unknown[]) => {
        recorded.push({ sql: source, params });
        return original(...params);
      };
    }
    return statement;
  }) as typeof client.prepare;
  explain = (sql, params) => prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[];
  restore = () => {
    client.prepare = prepare as typeof client.prepare;
  };
});

afterAll(() => restore?.());

/** Tables that grow with the archive: a listing must never read them from end to end. */
const LARGE = ['posts', 'comments', 'post_labels', 'redirects', 'label_redirects', 'revisions'];

function fullScans(sql: string, params: unknown[], { sorted }: { sorted: boolean }): string[] {
  return explain(sql, params)
    .map((row) => row.detail)
    .filter((detail) => {
      const scan = /^SCAN (\w+)/.exec(detail);
      // "SCAN posts USING INDEX …" walks an index in order (with a LIMIT); a bare SCAN reads every row.
      if (scan && LARGE.includes(scan[1]!) && !/USING (COVERING )?INDEX/.test(detail)) return true;
      // "Newest N" must come straight from an index in order: sorting first reads every match.
      return sorted && /^USE TEMP B-TREE FOR ORDER BY/.test(detail) && /\blimit\b/i.test(sql);
    });
}

/** Listings whose order must come from an index (a label page sorts only that label's posts). */
const ORDERED = new Set(['home page', 'older posts (keyset)', 'newer posts link', 'month archive', 'author page', 'newer and older post', 'comment feed', 'pages gadget', 'popular posts gadget']);

const now = new Date('2025-06-01T00:00:00Z');
const readerQueries: [string, () => Promise<unknown>][] = [
  ['home page', () => listVisiblePosts({ limit: 10, now })],
  ['older posts (keyset)', () => listVisiblePosts({ limit: 10, before: new Date('2024-06-01T00:00:00Z'), now })],
  ['newer posts link', () => listNewerPublishTimes({ after: new Date('2024-03-01T00:00:00Z'), limit: 10, now })],
  ['label page', () => listVisiblePosts({ limit: 10, filter: { labels: ['Garden'] }, now })],
  ['two labels', () => listVisiblePosts({ limit: 10, filter: { labels: ['Garden', 'Notes'] }, now })],
  ['label count', () => countVisiblePosts({ labels: ['Garden'] }, now)],
  ['month archive', () => listVisiblePosts({ limit: 10, filter: { from: new Date('2024-03-01'), to: new Date('2024-04-01') }, now })],
  ['archive count', () => countVisiblePosts({ from: new Date('2024-03-01'), to: new Date('2024-04-01') }, now)],
  ['author page', () => listVisiblePosts({ limit: 10, filter: { authorId: 1 }, now })],
  ['search results', () => listVisiblePostsByIds([1, 2, 3], now)],
  ['popular posts gadget', () => listPopularPosts({ limit: 5, now })],
  ['archive gadget', () => countPostsByMonth({ offsetSeconds: 0, now })],
  ['pages gadget', () => listVisiblePages(now)],
  ['sitemap', () => listSitemapEntries(now)],
  ['post by permalink', () => resolveAddress({ path: '/2024/03/planned-post-2.html', now })],
  ['page by permalink', () => resolveAddress({ path: '/p/nothing-here.html', now })],
  ['visible post by id (every comment posted)', () => getVisiblePostById({ id: 3, now })],
  ['newer and older post', () => getNeighbourPosts(new Date('2024-03-03T00:00:00Z'), now)],
  ['comments of a post', () => listPublishedCommentsByPostId(3)],
  ['comment counts of a page of posts', () => countPublishedCommentsByPostIds([1, 2, 3, 4])],
  ['comment feed', () => listRecentPublishedComments({ limit: 25, now })],
  ['post comment feed', () => listRecentPublishedComments({ postId: 3, limit: 25, now })],
  ['labels gadget', () => listLabelsWithCounts(now)],
  ['label exists', () => labelsExist(['Garden'])],
  ['search', () => searchPostIds({ query: 'gardens', limit: 10, now })],
  ['old address', () => resolveAddress({ path: '/2012/02/old-name', now })],
  ['about me gadget', () => listPublishingAuthors(now)],
  ['author by slug', () => getAuthorBySlug('plan-writer')],
  ['reader cache freshness check', () => readThrough(`plans-${Math.random()}`, async () => 1)],
];

describe('every reader query uses an index, whatever the size of the archive', () => {
  it.each(readerQueries)('%s', async (name, run) => {
    recorded.length = 0;
    await run();
    const statements = recorded.splice(0);
    expect(statements.length).toBeGreaterThan(0);
    for (const { sql, params } of statements) {
      expect(fullScans(sql, params, { sorted: ORDERED.has(name) }), sql).toEqual([]);
    }
  });
});

describe('a page of search hits', () => {
  it('looks its posts up by id, not by walking every visible post', async () => {
    recorded.length = 0;
    await listVisiblePostsByIds([1, 2, 3], now);
    const [first] = recorded.splice(0);
    const plan = explain(first!.sql, first!.params).map((row) => row.detail);
    expect(plan.find((d) => /\bposts\b/.test(d)), plan.join('\n')).toMatch(/^SEARCH posts USING INTEGER PRIMARY KEY/);
  });
});

describe('search starts from the full-text index', () => {
  it.each([
    ['words only', { query: 'gardens' }],
    ['words inside a label', { query: 'gardens', label: 'Garden' }],
  ])('%s: walks posts_fts first and reaches posts only by index, never the other way round', async (_name, args) => {
    recorded.length = 0;
    await searchPostIds({ ...args, limit: 10, now });
    const statements = recorded.splice(0).filter((s) => s.sql.includes('posts_fts'));
    expect(statements.length).toBe(2);
    for (const { sql, params } of statements) {
      const plan = explain(sql, params).map((row) => row.detail);
      expect(plan[0], sql).toMatch(/^SCAN posts_fts VIRTUAL TABLE/);
      const posts = plan.filter((d) => /\bp\b|\bposts\b/.test(d) && !/posts_fts/.test(d));
      expect(posts.every((d) => /INTEGER PRIMARY KEY|^SEARCH posts USING (COVERING )?INDEX/.test(d)), plan.join('\n')).toBe(true);
    }
  });
});
