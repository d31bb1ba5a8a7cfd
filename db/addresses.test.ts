import { beforeAll, describe, expect, it } from 'vitest';
import { resolveAddress } from './addresses';
import { createAuthor } from './authors';
import { getDb } from './client';
import { migrateDatabase } from './migrate';
import { getVisiblePostById, savePost } from './posts';
import { labelRedirects, labels } from './schema';

let authorId: number;
const base = { labels: [] as string[], body: '<p>x</p>', timeZone: 'UTC' };

beforeAll(async () => {
  await migrateDatabase();
  authorId = (await createAuthor({ name: 'Addressed', email: 'addressed@example.com' })).id;
});

describe('resolveAddress: what readers get at an address', () => {
  it('a published post at its permalink, a page at /p/, and neither at the other shape', async () => {
    const post = await savePost({ ...base, authorId, title: 'Where it lives', action: 'publish' });
    const page = await savePost({ ...base, authorId, type: 'page', title: 'About us', action: 'publish' });
    expect(await resolveAddress({ path: post.permalink! })).toMatchObject({ kind: 'post', post: { id: post.id, authorName: 'Addressed' } });
    expect(await resolveAddress({ path: page.permalink! })).toMatchObject({ kind: 'page', page: { id: page.id } });
    expect(page.permalink).toBe('/p/about-us.html');
    expect(await resolveAddress({ path: '/2020/01/about-us.html' })).toEqual({ kind: 'none' });
  });

  it('nothing for a draft, a scheduled post until its time, and then the post', async () => {
    const draft = await savePost({ ...base, authorId, title: 'Not yet', action: 'publish' });
    await savePost({ ...base, id: draft.id, authorId, title: 'Not yet', action: 'draft' });
    expect(await resolveAddress({ path: draft.permalink! })).toEqual({ kind: 'none' });

    const due = new Date(Date.now() + 3_600_000);
    const later = await savePost({ ...base, authorId, title: 'Later on', action: 'schedule', scheduleAt: due });
    expect(await resolveAddress({ path: later.permalink! })).toEqual({ kind: 'none' });
    expect(await resolveAddress({ path: later.permalink!, now: new Date(due.getTime() + 1000) })).toMatchObject({ kind: 'post', post: { id: later.id } });
  });

  it("a live post's old address leads to its new one, once the post is visible", async () => {
    const post = await savePost({ ...base, authorId, title: 'First name', action: 'publish' });
    const renamed = await savePost({ ...base, id: post.id, authorId, title: 'First name', slug: 'second-name', action: 'publish' });
    expect(renamed.permalink).not.toBe(post.permalink);
    expect(await resolveAddress({ path: post.permalink! })).toEqual({ kind: 'redirect', to: renamed.permalink });

    await savePost({ ...base, id: post.id, authorId, title: 'First name', action: 'draft' });
    expect(await resolveAddress({ path: post.permalink! })).toEqual({ kind: 'none' });
  });

  it("an imported label's old archive address leads to the label's page", async () => {
    const db = getDb();
    const label = db.insert(labels).values({ name: 'Seed Saving' }).returning().get();
    db.insert(labelRedirects).values({ fromPath: '/category/seed-saving', labelId: label.id }).run();
    expect(await resolveAddress({ path: '/category/seed-saving' })).toEqual({ kind: 'redirect', to: '/search/label/Seed%20Saving' });
    expect(await resolveAddress({ path: '/category/nothing' })).toEqual({ kind: 'none' });
  });
});

describe('getVisiblePostById', () => {
  it('gives a post readers can see, with its address and time, and nothing for drafts, due-later posts or pages', async () => {
    const live = await savePost({ ...base, authorId, title: 'Commentable', action: 'publish' });
    expect(await getVisiblePostById({ id: live.id })).toMatchObject({ id: live.id, permalink: live.permalink, publishedAt: live.publishedAt });

    const draft = await savePost({ ...base, authorId, title: 'Draft only', action: 'draft' });
    expect(await getVisiblePostById({ id: draft.id })).toBeUndefined();

    const due = new Date(Date.now() + 3_600_000);
    const later = await savePost({ ...base, authorId, title: 'Due later', action: 'schedule', scheduleAt: due });
    expect(await getVisiblePostById({ id: later.id })).toBeUndefined();
    expect(await getVisiblePostById({ id: later.id, now: new Date(due.getTime() + 1) })).toMatchObject({ id: later.id });

    const page = await savePost({ ...base, authorId, type: 'page', title: 'A page', action: 'publish' });
    expect(await getVisiblePostById({ id: page.id })).toBeUndefined();
    expect(await getVisiblePostById({ id: 999_999 })).toBeUndefined();
  });
});
