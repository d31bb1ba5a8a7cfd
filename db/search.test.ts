import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAuthor } from './authors';
import { getDb } from './client';
import { migrateDatabase } from './migrate';
import { savePost } from './posts';
import { searchPostIds } from './search';

let titleMatch: number;
let bodyMatch: number;
let labelled: number;
let draft: number;

beforeAll(async () => {
  await migrateDatabase();
  const authorId = (await createAuthor({ name: 'Searcher', email: 's@example.com' })).id;
  const save = (title: string, body: string, labels: string[] = []) =>
    savePost({ authorId, title, body, labels, action: 'publish', timeZone: 'UTC' }).then((p) => p.id);
  bodyMatch = await save('Notes from the plot', '<p>The zucchini glut, zucchini soup, zucchini bread and more zucchini.</p>');
  titleMatch = await save('Zucchini', '<p>A short post about summer squash.</p>');
  labelled = await save('Preserving', '<p>Jars of chutney from the zucchinis.</p>', ['Preserves']);
  draft = (await savePost({ authorId, title: 'Draft about zucchini', body: '<p>zucchini</p>', labels: [], action: 'draft', timeZone: 'UTC' })).id;
});

describe('searchPostIds', () => {
  it('ranks a title match above a body match', async () => {
    const result = await searchPostIds({ query: 'zucchini', limit: 10 });
    expect(result!.hits[0]!.id).toBe(titleMatch);
    expect(result!.hits.map((h) => h.id)).toContain(bodyMatch);
    expect(result!.hits.map((h) => h.id)).not.toContain(draft);
  });

  it('finds partial words by prefix and highlights them', async () => {
    const result = await searchPostIds({ query: 'zucch', limit: 10 });
    expect(result!.total).toBeGreaterThanOrEqual(3);
    expect(result!.hits.find((h) => h.id === bodyMatch)!.snippet).toContain('\u0002zucchini\u0003');
  });

  it('filters by an exact label', async () => {
    const result = await searchPostIds({ query: 'zucchini', label: 'Preserves', limit: 10 });
    expect(result!.hits.map((h) => h.id)).toEqual([labelled]);
    expect((await searchPostIds({ query: 'zucchini', label: 'preserves', limit: 10 }))!.total).toBe(0);
  });

  it('treats operators and quotes as words, never as syntax errors', async () => {
    for (const query of ['zucchini)', 'zucchini*', '"zucchini', '(zucchini)', '-zucchini^', 'Zucchini: soup']) {
      expect((await searchPostIds({ query, limit: 10 }))!.total, query).toBeGreaterThan(0);
    }
    expect((await searchPostIds({ query: 'x'.repeat(1000), limit: 10 }))!.total).toBe(0);
    expect(await searchPostIds({ query: '"" ()', limit: 10 })).toBeNull();
  });

  it('runs no full-text query for one-letter words only, and drops them beside longer words', async () => {
    expect(await searchPostIds({ query: 'a b c d e f g h i j k l', limit: 10 })).toBeNull();
    const withNoise = await searchPostIds({ query: 'z a zucchini b', limit: 10 });
    expect(withNoise!.total).toBe((await searchPostIds({ query: 'zucchini', limit: 10 }))!.total);
  });

  it('finds a lone one-letter word as a whole word only', async () => {
    const authorId = (await createAuthor({ name: 'Coder', email: 'c@example.com' })).id;
    const post = await savePost({ authorId, title: 'Pointers in C', body: '<p>Plain C, then C#.</p>', labels: [], action: 'publish', timeZone: 'UTC' });
    // Every other post has words starting with c ("chutney", "celeriac"); only this one has the word C.
    expect((await searchPostIds({ query: 'C#', limit: 10 }))!.hits.map((h) => h.id)).toEqual([post.id]);
  });

  it('reindexes on edit: a renamed post is found by its new title only', async () => {
    const authorId = (await createAuthor({ name: 'Editor', email: 'e@example.com' })).id;
    const post = await savePost({ authorId, title: 'Kohlrabi', body: '<p>x</p>', labels: [], action: 'publish', timeZone: 'UTC' });
    await savePost({ id: post.id, authorId, title: 'Celeriac', body: '<p>x</p>', labels: [], action: 'publish', timeZone: 'UTC' });
    expect((await searchPostIds({ query: 'kohlrabi', limit: 10 }))!.total).toBe(0);
    expect((await searchPostIds({ query: 'celeriac', limit: 10 }))!.hits.map((h) => h.id)).toEqual([post.id]);
  });

  it('indexes only what a reader can find: a post leaves the index when it goes back to draft, pages never enter', async () => {
    const authorId = (await createAuthor({ name: 'Unpublisher', email: 'u@example.com' })).id;
    const post = await savePost({ authorId, title: 'Rhubarb', body: '<p>x</p>', labels: [], action: 'publish', timeZone: 'UTC' });
    expect((await searchPostIds({ query: 'rhubarb', limit: 10 }))!.total).toBe(1);
    await savePost({ id: post.id, authorId, title: 'Rhubarb', body: '<p>x</p>', labels: [], action: 'draft', timeZone: 'UTC' });
    expect(await searchPostIds({ query: 'rhubarb', limit: 10 })).toEqual({ hits: [], total: 0 });
    await savePost({ type: 'page', authorId, title: 'Rhubarb page', body: '<p>rhubarb</p>', labels: [], action: 'publish', timeZone: 'UTC' });
    const indexed = getDb().get<{ n: number }>(sql`select count(*) as n from posts_fts where posts_fts match 'rhubarb'`);
    expect(indexed!.n).toBe(0);
  });

  it('counts and lists a scheduled post only once its time has come', async () => {
    const authorId = (await createAuthor({ name: 'Planner', email: 'pl@example.com' })).id;
    const now = new Date('2030-01-01T00:00:00Z');
    const due = new Date('2030-01-02T09:00:00Z');
    const post = await savePost({ authorId, title: 'Parsnip', body: '<p>x</p>', labels: [], action: 'schedule', scheduleAt: due, timeZone: 'UTC', now });
    expect(await searchPostIds({ query: 'parsnip', limit: 10, now })).toEqual({ hits: [], total: 0 });
    const later = await searchPostIds({ query: 'parsnip', limit: 10, now: new Date(due.getTime() + 1) });
    expect(later!.total).toBe(1);
    expect(later!.hits.map((h) => h.id)).toEqual([post.id]);
  });

  it('pages through the ranking without repeating or skipping a post', async () => {
    const all = await searchPostIds({ query: 'zucch', limit: 50 });
    const first = await searchPostIds({ query: 'zucch', limit: 2 });
    const second = await searchPostIds({ query: 'zucch', limit: 2, offset: 2 });
    expect([...first!.hits, ...second!.hits].map((h) => h.id)).toEqual(all!.hits.slice(0, 4).map((h) => h.id));
  });
});
