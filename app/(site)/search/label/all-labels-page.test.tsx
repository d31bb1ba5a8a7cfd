import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createAuthor } from '@/db/authors';
import { migrateDatabase } from '@/db/migrate';
import { savePost } from '@/db/posts';
import AllLabelsPage from './page';

// Outside a request there is no request scope; connection() only marks a page dynamic.
vi.mock('next/server', async (importOriginal) => ({ ...(await importOriginal<object>()), connection: async () => {} }));

beforeAll(async () => {
  await migrateDatabase();
});

describe('/search/label, every label', () => {
  it('says there are none yet on a blog without labels', async () => {
    expect(renderToStaticMarkup(await AllLabelsPage())).toContain('No posts have labels yet.');
  });

  it('lists every label with a visible post, alphabetically, with its count', async () => {
    const authorId = (await createAuthor({ name: 'Labeller', email: 'all-labels@example.com' })).id;
    const base = { authorId, body: '<p>x</p>', timeZone: 'UTC' };
    await savePost({ ...base, title: 'One', labels: ['travel', 'Bread'], action: 'publish' });
    await savePost({ ...base, title: 'Two', labels: ['Apples', 'travel'], action: 'publish' });
    await savePost({ ...base, title: 'Draft', labels: ['Secret plans'], action: 'draft' });
    const html = renderToStaticMarkup(await AllLabelsPage());
    expect(html).toContain('All 3 labels on this blog');
    const items = [...html.matchAll(/<li><a href="([^"]+)">([^<]+)<\/a> <span>\((\d+)\)<\/span><\/li>/g)].map((m) => [m[1], m[2], m[3]]);
    expect(items).toEqual([
      ['/search/label/Apples', 'Apples', '1'],
      ['/search/label/Bread', 'Bread', '1'],
      ['/search/label/travel', 'travel', '2'],
    ]);
  });
});
