import { beforeAll, describe, expect, it } from 'vitest';
import { createAuthor } from '@/db/authors';
import { migrateDatabase } from '@/db/migrate';
import { savePost } from '@/db/posts';
import { GET } from './route';

let permalink: string;
let postId: number;
let authorId: number;
let draftLink: string;
let scheduledLink: string;

beforeAll(async () => {
  await migrateDatabase();
  authorId = (await createAuthor({ name: 'Card Writer', email: 'cards@example.com' })).id;
  const post = await savePost({ authorId, title: 'A card worth sharing', body: '<p>x</p>', labels: [], action: 'publish', timeZone: 'UTC' });
  permalink = post.permalink!;
  postId = post.id;
  // A post published once, then taken back to draft, keeps its address but is not visible.
  const withdrawn = await savePost({ authorId, title: 'Withdrawn', body: '<p>x</p>', labels: [], action: 'publish', timeZone: 'UTC' });
  await savePost({ id: withdrawn.id, authorId, title: 'Withdrawn', body: '<p>x</p>', labels: [], action: 'draft', timeZone: 'UTC' });
  draftLink = withdrawn.permalink!;
  const due = new Date(Date.now() + 86_400_000);
  scheduledLink = (await savePost({ authorId, title: 'Not yet', body: '<p>x</p>', labels: [], action: 'schedule', scheduleAt: due, timeZone: 'UTC' })).permalink!;
});

function card(path: string, headers: HeadersInit = {}) {
  const [, year, month, slug] = path.split('/');
  return GET(new Request(`http://blog.test${path}/share-card.png`, { headers }), { params: Promise.resolve({ year: year!, month: month!, slug: slug! }) });
}

describe('/YYYY/MM/slug.html/share-card.png', () => {
  it('is a 404 with a short message for a post that does not exist, is a draft, or is not due yet', async () => {
    for (const path of ['/2020/01/no-such-post.html', '/2020/13/bad-month.html', draftLink, scheduledLink]) {
      const response = await card(path);
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type'), path).toMatch(/^text\/plain/);
      expect(await response.text(), path).toBe('No such post.');
    }
  });

  it('draws a visible post once, with a strong ETag, and answers a repeat with 304', async () => {
    const first = await card(permalink);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('image/png');
    expect(first.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const png = Buffer.from(await first.arrayBuffer());
    expect(png.subarray(1, 4).toString()).toBe('PNG');

    const again = await card(permalink);
    expect(again.headers.get('etag')).toBe(etag);
    expect(Buffer.from(await again.arrayBuffer()).equals(png)).toBe(true);
    const revalidated = await card(permalink, { 'if-none-match': etag });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get('etag')).toBe(etag);
  });

  it('is drawn again when the title changes', async () => {
    const before = (await card(permalink)).headers.get('etag');
    await savePost({ id: postId, authorId, title: 'A retitled card', body: '<p>x</p>', labels: [], action: 'publish', timeZone: 'UTC' });
    const after = await card(permalink, { 'if-none-match': before! });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(before);
  });
});
