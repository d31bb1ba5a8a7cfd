import { expect, test } from '@playwright/test';
import { parseFeed } from 'feedsmith';
import { demoBlog, demoPosts } from '../test/fixtures/demo-blog';

const newestFirst = [...demoPosts].sort((a, b) => a.daysAgo - b.daysAgo);
const commentTotal = demoPosts.reduce((n, p) => n + p.comments.reduce((m, c) => m + 1 + (c.replies?.length ?? 0), 0), 0);

/** Atom text constructs parse as { value }; RSS and JSON titles as plain strings. */
function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : (value as { value?: string } | undefined)?.value;
}

function isAbsolute(url: string | undefined): boolean {
  return !!url && /^https?:\/\/[^/]+\//.test(url);
}

test('the home page announces its feeds', async ({ page }) => {
  await page.goto('/');
  for (const type of ['application/atom+xml', 'application/rss+xml', 'application/feed+json']) {
    await expect(page.locator(`head link[rel="alternate"][type="${type}"]`)).toHaveCount(1);
  }
});

test('the Atom, RSS and JSON post feeds parse and list the newest 25 posts with absolute links', async ({ request }) => {
  const atomResponse = await request.get('/feeds/posts/default');
  expect(atomResponse.headers()['content-type']).toContain('application/atom+xml');
  const atom = parseFeed(await atomResponse.text());
  expect(atom.format).toBe('atom');
  if (atom.format !== 'atom') return;
  expect(text(atom.feed.title)).toBe(demoBlog.title);
  expect(atom.feed.entries?.map((e) => text(e.title))).toEqual(newestFirst.slice(0, 25).map((p) => p.title));
  for (const entry of atom.feed.entries ?? []) {
    expect(isAbsolute(entry.links?.[0]?.href)).toBe(true);
    expect(entry.authors?.[0]?.name).toBe(demoBlog.authorName);
  }

  const rss = parseFeed(await (await request.get('/feeds/posts/default?alt=rss')).text());
  expect(rss.format).toBe('rss');
  if (rss.format !== 'rss') return;
  expect(rss.feed.items).toHaveLength(25);
  expect(rss.feed.items?.every((i) => isAbsolute(i.link))).toBe(true);

  const jsonResponse = await request.get('/feeds/posts/default?alt=json&max-results=5');
  expect(jsonResponse.headers()['content-type']).toContain('application/feed+json');
  const json = parseFeed(await jsonResponse.text());
  expect(json.format).toBe('json');
  if (json.format !== 'json') return;
  expect(json.feed.items?.map((i) => i.title)).toEqual(newestFirst.slice(0, 5).map((p) => p.title));
  expect(json.feed.items?.every((i) => isAbsolute(i.url))).toBe(true);
});

test('a label feed has exactly the posts with that label, and an unknown label is a 404', async ({ request }) => {
  const label = 'Seed Saving';
  const expected = newestFirst.filter((p) => p.labels.includes(label)).map((p) => p.title);
  const feed = parseFeed(await (await request.get(`/feeds/posts/default/-/${encodeURIComponent(label)}`)).text());
  if (feed.format !== 'atom') throw new Error(`expected Atom, got ${feed.format}`);
  expect(feed.feed.entries?.map((e) => text(e.title))).toEqual(expected);

  expect((await request.get('/feeds/posts/default/-/No%20Such%20Label')).status()).toBe(404);
  expect((await request.get('/feeds/posts/default?alt=xml')).status()).toBe(400);
  expect((await request.get('/feeds/posts/default?max-results=lots')).status()).toBe(400);
});

test('the comment feeds list comments blog-wide and per post', async ({ request, page }) => {
  const all = parseFeed(await (await request.get('/feeds/comments/default?max-results=100')).text());
  if (all.format !== 'atom') throw new Error(`expected Atom, got ${all.format}`);
  expect(all.feed.entries).toHaveLength(Math.min(commentTotal, 100));
  expect(all.feed.entries?.every((e) => isAbsolute(e.links?.[0]?.href))).toBe(true);

  // The per-post feed is announced on the post page.
  const post = newestFirst.find((p) => p.comments.length > 0)!;
  await page.goto('/');
  await page.getByRole('link', { name: post.title, exact: true }).first().click();
  const href = await page.locator('head link[rel="alternate"][type="application/atom+xml"][href*="/comments/default"]').getAttribute('href');
  const perPost = parseFeed(await (await request.get(href!)).text());
  if (perPost.format !== 'atom') throw new Error(`expected Atom, got ${perPost.format}`);
  const expected = post.comments.reduce((n, c) => n + 1 + (c.replies?.length ?? 0), 0);
  expect(perPost.feed.entries).toHaveLength(expected);

  expect((await request.get('/feeds/999999/comments/default')).status()).toBe(404);
});

test('the sitemap lists posts, pages, labels and archives; robots.txt points to it', async ({ request }) => {
  const sitemap = await (await request.get('/sitemap.xml')).text();
  const urls = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
  expect(urls.filter((u) => /\/\d{4}\/\d{2}\/[^/]+\.html$/.test(u))).toHaveLength(demoPosts.length);
  expect(urls.some((u) => u.endsWith('/p/about.html'))).toBe(true);
  expect(urls.some((u) => u.endsWith('/search/label/Seed%20Saving'))).toBe(true);
  expect(urls.some((u) => /\/\d{4}\/\d{2}$/.test(u))).toBe(true);
  expect(urls.every(isAbsolute)).toBe(true);
  const robots = await (await request.get('/robots.txt')).text();
  expect(robots).toMatch(/Sitemap: https?:\/\/.+\/sitemap\.xml/);
  expect(robots).toContain('Disallow: /admin');
});
