import { expect, test } from '@playwright/test';
import { newReader, publishPost, signIn, unique, waitLikeAReader } from './support';

// Reader pages come from Next's route cache (lib/page-cache.ts); these journeys check that a
// reader never sees a page older than the last change, and that what is personal stays live.

let permalink: string;
let title: string;

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  await signIn(page);
  title = unique('Cached post');
  permalink = await publishPost(page, { title, body: 'Served from the cache.' });
  await page.close();
});

test('a post is served from the cache, and the next reader sees a comment or an edit at once', async ({ browser, request }) => {
  const author = await browser.newPage();
  await signIn(author);
  const own = unique('Cached then edited');
  const address = await publishPost(author, { title: own, body: 'Served from the cache.' });
  await request.get(address);
  expect(await (await request.get('/feeds/posts/default')).text()).toContain(own);
  const repeat = await request.get(address);
  expect(repeat.headers()['x-nextjs-cache']).toBe('HIT');
  expect(await repeat.text()).toContain(own);

  const context = await newReader(browser);
  const reader = await context.newPage();
  await reader.goto(address);
  await reader.getByLabel('Name').fill('Quick Quentin');
  await reader.getByLabel('Comment', { exact: true }).fill('Seen by the next reader straight away.');
  await waitLikeAReader(reader);
  await reader.getByRole('button', { name: 'Publish' }).click();
  await expect(reader.getByText('Seen by the next reader straight away.')).toBeVisible();
  await context.close();
  expect(await (await request.get(address)).text()).toContain('Seen by the next reader straight away.');

  const edited = `${own} (edited)`;
  await author.getByLabel('Title').fill(edited);
  await author.getByRole('button', { name: 'Update' }).click();
  await expect(author.getByText('Your changes are published.')).toBeVisible();
  await author.close();
  expect(await (await request.get(address)).text()).toContain(edited);
  expect(await (await request.get('/')).text()).toContain(edited);
  const feed = await request.get('/feeds/posts/default');
  expect(feed.headers()['content-type']).toContain('application/atom+xml');
  expect(await feed.text()).toContain(edited);
  expect(await (await request.get('/feeds/comments/default')).text()).toContain('Seen by the next reader straight away.');
});

test('two readers sending the same cached comment form each get their own comment stored', async ({ browser, request }) => {
  const contexts = [await newReader(browser), await newReader(browser)];
  const pages = await Promise.all(contexts.map((c) => c.newPage()));
  for (const page of pages) await page.goto(permalink);
  // Both got the same cached page, so the same form key.
  const keys = await Promise.all(pages.map((p) => p.locator('input[name="submissionKey"]').getAttribute('value')));
  expect(keys[0]).toBe(keys[1]);
  const words = ['First of two readers.', 'Second of two readers.'];
  for (const [i, page] of pages.entries()) {
    await page.getByLabel('Name').fill(`Twin ${i + 1}`);
    await page.getByLabel('Comment', { exact: true }).fill(words[i]!);
    await waitLikeAReader(page);
    await page.getByRole('button', { name: 'Publish' }).click();
    await expect(page.getByText(words[i]!)).toBeVisible();
  }
  for (const c of contexts) await c.close();
  const html = await (await request.get(permalink)).text();
  for (const text of words) expect(html).toContain(text);
});

test('a signed-in author gets the page rendered for them, with a nonce', async ({ page, request }) => {
  await signIn(page);
  const response = await page.goto(permalink);
  expect(response!.headers()['content-security-policy']).toContain("'nonce-");
  expect(response!.headers()['x-nextjs-cache']).toBeUndefined();
  // The cached copies are reachable only through the proxy's rewrite.
  expect((await request.get(`/cache/1-0-x${permalink}`)).status()).toBe(404);
});

test('older pages of a listing come from the cache and list what the live page lists', async ({ request }) => {
  const postsIn = (html: string) => [...(/<main[\s\S]*<\/main>/.exec(html)?.[0] ?? '').matchAll(/href="(\/\d{4}\/\d{2}\/[^"#]+\.html)"/g)].map((m) => m[1]);
  const older = `/search?updated-max=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}&max-results=3`;
  await request.get(older);
  const cached = await request.get(older);
  expect(cached.headers()['x-nextjs-cache']).toBe('HIT');
  // Any other parameter renders live: the two must agree.
  const live = await request.get(`${older}&fresh=1`);
  expect(live.headers()['x-nextjs-cache']).toBeUndefined();
  const listed = postsIn(await cached.text());
  expect(listed.length).toBeGreaterThan(0);
  expect(listed).toEqual(postsIn(await live.text()));
  expect(listed).toContain(permalink);
});
