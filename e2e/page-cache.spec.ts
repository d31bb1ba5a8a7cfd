import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { newReader, publishPost, signIn, unique, waitLikeAReader } from './support';

// Reader pages come from the page cache in front of Next (server/front.ts): these journeys check
// that a reader never sees a page older than the last change, that what is personal stays
// personal, and that a cached page is as safe as a live one.

let permalink: string;
let title: string;

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  await signIn(page);
  title = unique('Cached post');
  permalink = await publishPost(page, { title, body: 'Served from the cache.' });
  await page.close();
});

/** Asks until the front cache answers (each worker keeps its own, so the first asks may miss). */
async function cached(request: APIRequestContext, path: string) {
  for (let i = 0; i < 8; i++) {
    const response = await request.get(path);
    if (response.headers()['x-cache'] === 'HIT') return response;
  }
  throw new Error(`${path} never came from the cache`);
}

/** Loads a page in the browser once it is in the cache, and checks that it was. */
async function gotoCached(page: Page, path: string) {
  await cached(page.request, path);
  for (let i = 0; i < 8; i++) {
    const response = await page.goto(path);
    if (response?.headers()['x-cache'] === 'HIT') return;
  }
  throw new Error(`${path} never came to the browser from the cache`);
}

test('a post is served from the cache, and the next reader sees a comment or an edit at once', async ({ browser, request }) => {
  const author = await browser.newPage();
  await signIn(author);
  const own = unique('Cached then edited');
  const address = await publishPost(author, { title: own, body: 'Served from the cache.' });
  expect(await (await request.get('/feeds/posts/default')).text()).toContain(own);
  const repeat = await cached(request, address);
  expect(await repeat.text()).toContain(own);
  // The comment form's values are this reader's own: nothing may keep the page for another.
  expect(repeat.headers()['cache-control']).toBe('private, no-cache');
  expect(repeat.headers().etag).toBeUndefined();
  // A page that is the same for everyone may be kept and revalidated: a browser or CDN asks again
  // with the ETag and gets 304.
  const home = await cached(request, '/');
  expect(home.headers()['cache-control']).toBe('public, no-cache');
  // (Each worker renders its own copy, with its own nonce and so its own ETag: ask until the
  // worker that made this one answers.)
  const statuses: number[] = [];
  for (let i = 0; i < 8 && !statuses.includes(304); i++) {
    statuses.push((await request.get('/', { headers: { 'if-none-match': home.headers().etag! } })).status());
  }
  expect(statuses).toContain(304);
  expect(statuses.every((status) => status === 304 || status === 200)).toBe(true);

  const context = await newReader(browser);
  const reader = await context.newPage();
  await gotoCached(reader, address);
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
  for (let i = 0; i < 4; i++) expect(await (await request.get(address)).text()).toContain(edited);
  expect(await (await request.get('/')).text()).toContain(edited);
  const feed = await request.get('/feeds/posts/default');
  expect(feed.headers()['content-type']).toContain('application/atom+xml');
  expect(await feed.text()).toContain(edited);
  expect(await (await request.get('/feeds/comments/default')).text()).toContain('Seen by the next reader straight away.');
});

test('each reader of a cached page gets their own form: a quick comment is held, a resent one stored once', async ({ browser }) => {
  const contexts = [await newReader(browser), await newReader(browser)];
  const pages = await Promise.all(contexts.map((c) => c.newPage()));
  const [quick, resender] = pages;
  // The quick reader's page last, so it is sent the moment it opened, however long the other took.
  for (const page of [resender!, quick!]) await gotoCached(page, permalink);
  const keys = await Promise.all(pages.map((p) => p.locator('input[name="submissionKey"]').getAttribute('value')));
  expect(keys[0]).not.toBe(keys[1]);

  // Within 2 s of the page being shown (this reader's showing, not the render's): held for a look.
  await quick!.getByLabel('Name').fill('Speedy Sam');
  await quick!.getByLabel('Comment', { exact: true }).fill('Sent the moment the page opened.');
  await quick!.getByRole('button', { name: 'Publish' }).click();
  await expect(quick!.getByText(/awaiting moderation/i)).toBeVisible();

  // The same form sent twice (a double click, a resend after a lost answer) stores one comment.
  await resender!.getByLabel('Name').fill('Twice Tina');
  await resender!.getByLabel('Comment', { exact: true }).fill('Sent twice, stored once.');
  await waitLikeAReader(resender!);
  const form = await resender!
    .locator('form[action="/comments"]')
    .evaluate((f) => Object.fromEntries([...new FormData(f as HTMLFormElement)].map(([name, value]) => [name, String(value)])));
  const send = () => resender!.request.post('/comments', { form, headers: { accept: 'application/json' } });
  const [first, second] = [await send(), await send()];
  expect(first.status()).toBe(201);
  expect([200, 201]).toContain(second.status());
  await resender!.goto(permalink);
  await expect(resender!.getByText('Sent twice, stored once.')).toHaveCount(1);
  await expect(resender!.getByText('Sent the moment the page opened.')).toHaveCount(0);

  // Once the author approves the held one, the next reader of the cached page sees it.
  const author = await browser.newPage();
  await signIn(author);
  await author.goto('/admin/comments');
  await author.getByRole('listitem', { name: 'Comment by Speedy Sam' }).getByRole('button', { name: 'Approve' }).click();
  await expect(author.getByText('1 comment approved.')).toBeVisible();
  await author.close();
  await resender!.goto(permalink);
  await expect(resender!.getByText('Sent the moment the page opened.')).toBeVisible();
  for (const c of contexts) await c.close();
});

test('a shared link’s tracking parameters are a cache hit and never reach the page', async ({ request }) => {
  await cached(request, permalink);
  const shared = await request.get(`${permalink}?utm_source=newsletter&utm_medium=email&fbclid=abc123`);
  expect(shared.headers()['x-cache']).toBe('HIT');
  const html = await shared.text();
  expect(html).toContain(title);
  expect(html).not.toMatch(/utm_source|fbclid|abc123/);
});

test('a signed-in author gets the page rendered for them, with a nonce of its own', async ({ page }) => {
  await signIn(page);
  const response = await page.goto(permalink);
  expect(response!.headers()['content-security-policy']).toContain("'nonce-");
  expect(response!.headers()['x-cache']).toBeUndefined();
});

test('older pages of a listing come from the cache and list what the live page lists', async ({ request }) => {
  const postsIn = (html: string) => [...(/<main[\s\S]*<\/main>/.exec(html)?.[0] ?? '').matchAll(/href="(\/\d{4}\/\d{2}\/[^"#]+\.html)"/g)].map((m) => m[1]);
  const older = `/search?updated-max=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}&max-results=3`;
  const fromCache = await cached(request, older);
  // Any other parameter renders live: the two must agree.
  const live = await request.get(`${older}&fresh=1`);
  expect(live.headers()['x-cache']).toBeUndefined();
  const listed = postsIn(await fromCache.text());
  expect(listed.length).toBeGreaterThan(0);
  expect(listed).toEqual(postsIn(await live.text()));
  expect(listed).toContain(permalink);
});

test('compressed and plain answers are the same page; bad Range and Accept-Encoding get a normal answer', async ({ request }) => {
  await cached(request, '/');
  const gzip = await request.get('/', { headers: { 'accept-encoding': 'gzip' } });
  expect(gzip.headers()['content-encoding']).toBe('gzip');
  const odd = await request.get('/', { headers: { 'accept-encoding': ';;q=nonsense,,', range: 'bytes=oops' } });
  expect(odd.status()).toBe(200);
  expect(odd.headers()['content-encoding']).toBeUndefined();
  // Two workers each render their own copy, with their own nonce: the rest is the same page.
  const withoutNonce = (html: string) => html.replace(/nonce(-|=")[A-Za-z0-9+/=]+/g, 'nonce');
  expect(withoutNonce(await gzip.text())).toBe(withoutNonce(await odd.text()));
  const head = await request.head('/', { headers: { 'accept-encoding': 'identity' } });
  expect(head.status()).toBe(200);
  expect(Number(head.headers()['content-length'])).toBe((await odd.body()).length);
});
