import Database from 'better-sqlite3';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { databasePath } from '@/lib/site/config';
import { bumpSessionVersion, createAuthor, disableAuthorById, enableAuthorById, updateAuthorPassword, updateAuthorProfile } from './authors';
import { createComment, setCommentsStatus } from './comments';
import { listLabelsWithCounts } from './labels';
import { migrateDatabase } from './migrate';
import { listPopularPosts, savePost } from './posts';
import { openReaderStateReader, readThrough } from './reader-cache';
import { updateSettings } from './settings';
import { getSettings } from './settings';

let authorId: number;

beforeAll(async () => {
  await migrateDatabase();
  authorId = (await createAuthor({ name: 'Cache Writer', email: 'cache@example.org' })).id;
});

afterEach(() => {
  vi.useRealTimers();
});

const labels = () => readThrough('labels', () => listLabelsWithCounts());

describe('readThrough', () => {
  it('computes once while nothing changes', async () => {
    const compute = vi.fn(async () => 42);
    expect(await readThrough('answer', compute)).toBe(42);
    expect(await readThrough('answer', compute)).toBe(42);
    expect(compute).toHaveBeenCalledTimes(1);
  });

  it('recomputes after a post, a comment or a setting changes, and not otherwise', async () => {
    const post = await savePost({ authorId, title: 'Cached', body: '<p>x</p>', labels: ['Cachey'], action: 'publish', timeZone: 'UTC' });
    expect((await labels()).map((l) => l.name)).toContain('Cachey');

    await savePost({ id: post.id, authorId, title: 'Cached', body: '<p>x</p>', labels: ['Renamed'], action: 'publish', timeZone: 'UTC' });
    expect((await labels()).map((l) => l.name)).toEqual(expect.arrayContaining(['Renamed']));
    expect((await labels()).map((l) => l.name)).not.toContain('Cachey');

    const popular = () => readThrough('popular', () => listPopularPosts({ limit: 5 }));
    const before = (await popular()).find((p) => p.id === post.id)?.comments ?? 0;
    await createComment({ postId: post.id, authorName: 'Reader', body: 'First!' });
    expect((await popular()).find((p) => p.id === post.id)?.comments).toBe(before + 1);

    const title = () => readThrough('title', async () => (await getSettings()).blogTitle);
    await updateSettings({ blogTitle: 'One' });
    expect(await title()).toBe('One');
    await updateSettings({ blogTitle: 'Two' });
    expect(await title()).toBe('Two');
  });

  it('sees a change made by another process (the import command, a second server)', async () => {
    const first = await labels();
    const other = new Database(databasePath());
    other.prepare('insert into labels (name) values (?)').run('From elsewhere');
    const id = (other.prepare('select id from posts limit 1').get() as { id: number }).id;
    const label = (other.prepare('select id from labels where name = ?').get('From elsewhere') as { id: number }).id;
    other.prepare('insert into post_labels (post_id, label_id) values (?, ?)').run(id, label);
    other.close();
    const second = await labels();
    expect(second).not.toBe(first);
    expect(second.map((l) => l.name)).toContain('From elsewhere');
  });

  it('shows a scheduled post the moment it is due, with no write in between', async () => {
    const due = new Date(Date.now() + 60 * 60 * 1000);
    await savePost({ authorId, title: 'Later', body: '<p>x</p>', labels: ['Tomorrow'], action: 'schedule', scheduleAt: due, timeZone: 'UTC' });
    expect((await labels()).map((l) => l.name)).not.toContain('Tomorrow');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(due.getTime() - 1000));
    expect((await labels()).map((l) => l.name)).not.toContain('Tomorrow');
    vi.setSystemTime(new Date(due.getTime() + 1000));
    expect((await labels()).map((l) => l.name)).toContain('Tomorrow');
  });

  it('leaves cached pages alone while a draft is saved or a comment waits for moderation', async () => {
    const reader = openReaderStateReader();
    const version = () => reader.state().version;
    const start = version();
    const draft = await savePost({ authorId, title: 'Draft', body: '<p>x</p>', labels: ['Drafty'], action: 'draft', timeZone: 'UTC' });
    await savePost({ id: draft.id, authorId, title: 'Draft, again', body: '<p>y</p>', labels: ['Drafty', 'More'], action: 'draft', timeZone: 'UTC' });
    const labelsCreated = version() - start; // a new label name is itself a visible change (the Labels gadget)
    expect(labelsCreated).toBeLessThanOrEqual(2);
    const afterDrafts = version();
    const published = await savePost({ authorId, title: 'Public', body: '<p>x</p>', labels: [], action: 'publish', timeZone: 'UTC' });
    expect(version()).toBeGreaterThan(afterDrafts);
    const beforeComment = version();
    const held = await createComment({ postId: published.id, authorName: 'Waiting', body: 'Held', status: 'pending' });
    expect(version()).toBe(beforeComment);
    await setCommentsStatus({ ids: [held.id], status: 'published' });
    expect(version()).toBeGreaterThan(beforeComment);
    const beforeDraftEdit = version();
    await savePost({ id: draft.id, authorId, title: 'Draft, third', body: '<p>z</p>', labels: ['Drafty', 'More'], action: 'draft', timeZone: 'UTC' });
    expect(version()).toBe(beforeDraftEdit);
  });

  it('leaves cached pages alone when an author signs out, changes a password or is disabled, not when their byline changes', async () => {
    const reader = openReaderStateReader();
    const version = () => reader.state().version;
    const writer = (await createAuthor({ name: 'Quiet Writer', email: 'quiet@example.org' })).id;
    const start = version();
    await bumpSessionVersion(writer);
    await updateAuthorPassword({ id: writer, passwordHash: 'another hash' });
    await disableAuthorById({ id: writer });
    await enableAuthorById({ id: writer });
    expect(version()).toBe(start);
    await updateAuthorProfile({ id: writer, name: 'Loud Writer', bio: 'Now with a bio.' });
    expect(version()).toBeGreaterThan(start);
    reader.close();
  });
});
