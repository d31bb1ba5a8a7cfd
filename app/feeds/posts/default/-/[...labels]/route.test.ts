import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createAuthor } from '@/db/authors';
import { migrateDatabase } from '@/db/migrate';
import { savePost } from '@/db/posts';
import { GET } from './route';

// Outside a request there are no request headers; the feed only needs a host for its links.
vi.mock('next/headers', () => ({ headers: async () => new Headers({ host: 'blog.test' }) }));

beforeAll(async () => {
  await migrateDatabase();
  const authorId = (await createAuthor({ name: 'Feeder', email: 'feeder@example.com' })).id;
  await savePost({ authorId, title: 'Fed post', body: '<p>x</p>', labels: ['A', 'B', 'C', 'D', 'E', 'F'], action: 'publish', timeZone: 'UTC' });
});

function feed(labels: string[]) {
  const url = `http://blog.test/feeds/posts/default/-/${labels.map(encodeURIComponent).join('/')}`;
  return GET(new Request(url), { params: Promise.resolve({ labels }) });
}

describe('the label feed', () => {
  it('counts a repeated label once: /-/A/A/A/B is the feed of A and B', async () => {
    const response = await feed([...Array<string>(30).fill('A'), 'B', 'A']);
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(body).toContain('Fed post');
    expect(body).toMatch(/<title[^>]*>[^<]*: A \+ B<\/title>/);
  });

  it('refuses more than five different labels with a 400 and the reason', async () => {
    const response = await feed(['A', 'B', 'C', 'D', 'E', 'F']);
    expect(response.status).toBe(400);
    expect(await response.text()).toBe('A feed can combine at most 5 labels.');
    expect((await feed(['A', 'B', 'C', 'D', 'E', 'A'])).status).toBe(200);
  });
});
