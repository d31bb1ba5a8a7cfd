import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAuthor } from './authors';
import { getDb } from './client';
import { createComment } from './comments';
import { listLabelsWithCounts } from './labels';
import { migrateDatabase } from './migrate';
import { countVisiblePosts, getPostWithLabelsById, getVisiblePostByPermalink, listVisiblePosts, savePost } from './posts';
import { posts } from './schema';

let authorId: number;

beforeAll(async () => {
  await migrateDatabase();
  authorId = (await createAuthor({ name: 'Ann Writer', email: 'Ann@Example.com' })).id;
});

const base = { labels: [] as string[], timeZone: 'UTC' };

describe('savePost', () => {
  it('keeps a draft without a permalink', async () => {
    const post = await savePost({ ...base, authorId, title: 'Just a draft', body: '<p>x</p>', action: 'draft' });
    expect(post.status).toBe('draft');
    expect(post.permalink).toBeNull();
    expect(post.publishedAt).toBeNull();
  });

  it('freezes the permalink at first publish; later edits and re-publishing keep it', async () => {
    const first = await savePost({
      ...base,
      authorId,
      title: 'Hello, World',
      body: '<p>one</p>',
      action: 'publish',
      now: new Date('2023-07-09T10:04:00Z'),
    });
    expect(first.permalink).toBe('/2023/07/hello-world.html');

    const edited = await savePost({
      ...base,
      id: first.id,
      authorId,
      title: 'A completely new title',
      body: '<p>two</p>',
      action: 'draft',
      now: new Date('2024-01-01T00:00:00Z'),
    });
    expect(edited.status).toBe('draft');
    expect(edited.permalink).toBe('/2023/07/hello-world.html');

    const again = await savePost({ ...base, id: first.id, authorId, title: 'Back', body: '<p>3</p>', action: 'publish' });
    expect(again.permalink).toBe('/2023/07/hello-world.html');
    expect(again.publishedAt?.toISOString()).toBe('2023-07-09T10:04:00.000Z');
  });

  it('gives a second post with the same title in the same month a numbered permalink', async () => {
    const now = new Date('2023-07-20T10:00:00Z');
    const post = await savePost({ ...base, authorId, title: 'Hello world', body: '<p>again</p>', action: 'publish', now });
    expect(post.permalink).toBe('/2023/07/hello-world_2.html');
  });

  it('replaces labels exactly as typed, keeping case', async () => {
    const post = await savePost({ ...base, authorId, title: 'Labelled', body: '<p>x</p>', labels: ['News', 'news'], action: 'publish' });
    await savePost({ ...base, id: post.id, authorId, title: 'Labelled', body: '<p>x</p>', labels: ['News', 'Seed Saving'], action: 'publish' });
    expect((await getPostWithLabelsById(post.id))?.labels).toEqual(['News', 'Seed Saving']);
    const counts = await listLabelsWithCounts();
    expect(counts.find((l) => l.name === 'news')).toBeUndefined();
    expect(counts.find((l) => l.name === 'Seed Saving')?.count).toBe(1);
  });
});

describe('reading posts', () => {
  it('lists visible posts newest first with labels and comment counts, paging by publish time', async () => {
    const page = await listVisiblePosts({ limit: 100 });
    const times = page.map((p) => p.publishedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(page.every((p) => p.permalink.endsWith('.html'))).toBe(true);

    const target = page.find((p) => p.title === 'Hello world')!;
    await createComment({ postId: target.id, authorName: 'Reader', body: 'Nice', status: 'published' });
    await createComment({ postId: target.id, authorName: 'Spammer', body: 'Buy', status: 'spam' });
    const again = await listVisiblePosts({ limit: 100 });
    expect(again.find((p) => p.id === target.id)?.commentCount).toBe(1);

    const older = await listVisiblePosts({ before: target.publishedAt, limit: 100 });
    expect(older.every((p) => p.publishedAt < target.publishedAt)).toBe(true);
    expect(older.length).toBeGreaterThan(0);
  });

  it('hides drafts and posts whose time has not come, and shows them when it has', async () => {
    const future = new Date(Date.now() + 60 * 60 * 1000);
    const post = await savePost({ ...base, authorId, title: 'Future', body: '<p>x</p>', action: 'publish' });
    getDb().update(posts).set({ status: 'scheduled', publishedAt: future }).where(eq(posts.id, post.id)).run();
    const scheduled = (await getPostWithLabelsById(post.id))!;
    expect(await getVisiblePostByPermalink({ permalink: scheduled.permalink!, type: 'post' })).toBeUndefined();
    expect(await getVisiblePostByPermalink({ permalink: scheduled.permalink!, type: 'post', now: new Date(future.getTime() + 1) })).toBeDefined();
    expect((await listVisiblePosts({ limit: 100 })).some((p) => p.id === post.id)).toBe(false);
  });
});

describe('label filters (/search/label/A+B and the label feeds)', () => {
  /** The SQL better-sqlite3 is asked to prepare while `run` runs. */
  async function statementsOf(run: () => Promise<unknown>): Promise<string[]> {
    const client = getDb().$client;
    const prepare = client.prepare;
    const seen: string[] = [];
    client.prepare = ((source: string) => {
      seen.push(source);
      return prepare.call(client, source);
    }) as typeof client.prepare;
    try {
      await run();
    } finally {
      client.prepare = prepare;
    }
    return seen;
  }
  const labelSubqueries = (sql: string) => sql.match(/ in \(select /g)?.length ?? 0;

  it('build one subquery per distinct label, however often a label repeats in the address', async () => {
    const post = await savePost({ ...base, authorId, title: 'Many labels', body: '<p>x</p>', labels: ['L1', 'L2', 'L3', 'L4', 'L5', 'L6'], action: 'publish' });
    const repeated = [...Array<string>(40).fill('L1'), 'L2', 'L1'];
    const [list] = await statementsOf(() => listVisiblePosts({ limit: 10, filter: { labels: repeated } }));
    expect(labelSubqueries(list!)).toBe(2);
    const [count] = await statementsOf(() => countVisiblePosts({ labels: repeated }));
    expect(labelSubqueries(count!)).toBe(2);
    expect((await listVisiblePosts({ limit: 10, filter: { labels: repeated } })).map((p) => p.id)).toEqual([post.id]);
  });

  it('combine at most five labels', async () => {
    const [list] = await statementsOf(() => listVisiblePosts({ limit: 10, filter: { labels: ['L1', 'L2', 'L3', 'L4', 'L5', 'L6', 'L7'] } }));
    expect(labelSubqueries(list!)).toBe(5);
  });
});
