import { beforeAll, describe, expect, it } from 'vitest';
import { StatsCollector } from '@/lib/stats/stats';
import { createAuthor } from './authors';
import { getDb } from './client';
import { migrateDatabase } from './migrate';
import { savePost } from './posts';
import { openReaderStateReader } from './reader-cache';
import {
  findCountablePostId,
  getViewTotalsByPostIds,
  listDailyCounts,
  listPopularPostsByViews,
  listTopPostsByViews,
  listViewsByDay,
  writeStatsBatch,
} from './stats';

const today = 20_500;
let authorId: number;
let otherAuthorId: number;
let first: { id: number; permalink: string | null };
let second: { id: number; permalink: string | null };

beforeAll(async () => {
  await migrateDatabase();
  authorId = (await createAuthor({ name: 'Stat Writer', email: 'stats@example.com' })).id;
  otherAuthorId = (await createAuthor({ name: 'Other Writer', email: 'other-stats@example.com' })).id;
  const base = { labels: [] as string[], timeZone: 'UTC', action: 'publish' as const, body: '<p>x</p>' };
  first = await savePost({ ...base, authorId, title: 'Counted first' });
  second = await savePost({ ...base, authorId: otherAuthorId, title: 'Counted second' });
});

function hits(list: { postId: number | null; visitor: number; day?: number }[]) {
  const collector = new StatsCollector();
  for (const { postId, visitor, day = today } of list) {
    collector.addHit({ day, postId, visitor, referrer: null, browser: 'Firefox', os: 'Linux' });
  }
  return collector.take()!;
}

describe('writeStatsBatch', () => {
  it('adds each worker’s batch to what is stored, counting a visitor once a day', async () => {
    await writeStatsBatch({ batch: hits([{ postId: first.id, visitor: 1 }, { postId: null, visitor: 1 }]), today, popular: null });
    await writeStatsBatch({ batch: hits([{ postId: first.id, visitor: 1 }, { postId: second.id, visitor: 2 }]), today, popular: null });
    const [day] = await listViewsByDay({ range: { from: today, to: today }, authorId: null });
    expect(day).toEqual({ day: today, views: 4, visitors: 2 });
    expect((await getViewTotalsByPostIds([first.id, second.id])).get(first.id)).toBe(2);
    const top = await listTopPostsByViews({ range: { from: today, to: today }, authorId: null, limit: 10 });
    expect(top.map((p) => [p.id, p.views])).toEqual([
      [first.id, 2],
      [second.id, 1],
    ]);
  });

  it('shows an author only their own posts', async () => {
    const mine = await listTopPostsByViews({ range: { from: null, to: today }, authorId: otherAuthorId, limit: 10 });
    expect(mine.map((p) => p.id)).toEqual([second.id]);
    expect((await listDailyCounts({ authorId: otherAuthorId })).map((d) => d.views)).toEqual([1]);
  });

  it('forgets the visitors of a day once the next begins', async () => {
    await writeStatsBatch({ batch: hits([{ postId: null, visitor: 9, day: today + 1 }]), today: today + 1, popular: null });
    const left = getDb().$client.prepare('select day from stats_visitors').pluck().all();
    expect(left).toEqual([today + 1]);
  });

  it('moves the content version only when the Popular Posts ranking changes', async () => {
    const version = () => openReaderStateReader().state().version;
    const popular = { since: today - 29, limit: 5 };
    await writeStatsBatch({ batch: hits([{ postId: first.id, visitor: 3 }]), today: today + 1, popular });
    const afterFirstRanking = version();
    await writeStatsBatch({ batch: hits([{ postId: first.id, visitor: 4 }]), today: today + 1, popular });
    expect(version()).toBe(afterFirstRanking);
    for (const visitor of [5, 6, 7, 8, 9]) {
      await writeStatsBatch({ batch: hits([{ postId: second.id, visitor, day: today + 1 }]), today: today + 1, popular });
    }
    expect(version()).toBe(afterFirstRanking + 1);
    expect((await listPopularPostsByViews({ since: today + 1, limit: 5 })).map((p) => p.id)).toEqual([second.id]);
  });
});

describe('findCountablePostId', () => {
  it('finds visible posts by permalink and nothing else', async () => {
    expect(findCountablePostId({ permalink: first.permalink!, now: new Date() })).toBe(first.id);
    expect(findCountablePostId({ permalink: '/2001/01/forged.html', now: new Date() })).toBeNull();
    expect(findCountablePostId({ permalink: first.permalink!, now: new Date('2000-01-01') })).toBeNull();
  });
});
