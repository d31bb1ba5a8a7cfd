import { expect, test, type Page } from '@playwright/test';
import { demoBlog, demoPages, demoPosts } from '../test/fixtures/demo-blog';

// The reader server runs the demo blog (npm run db:seed), published relative to "now".
const newestFirst = [...demoPosts].sort((a, b) => a.daysAgo - b.daysAgo);
const PER_PAGE = 10;

/** The title of each post in the main column (a post's own h2s are part of its body). */
function postTitles(page: Page) {
  return page.locator('main article > h2');
}

test('a reader browses home, older posts, a post, its label, the archive and search', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('link', { name: demoBlog.title })).toBeVisible();
  await expect(postTitles(page)).toHaveText(newestFirst.slice(0, PER_PAGE).map((p) => p.title));
  // Date headers above the posts, like Blogger.
  await expect(page.getByRole('main').getByText(/^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \w+ \d{1,2}, \d{4}$/).first()).toBeVisible();

  // Older posts, and back.
  await page.getByRole('link', { name: 'Older Posts' }).click();
  await expect(page).toHaveURL(/\/search\?updated-max=.+&max-results=10$/);
  await expect(postTitles(page)).toHaveText(newestFirst.slice(PER_PAGE, 2 * PER_PAGE).map((p) => p.title));
  await page.getByRole('link', { name: 'Newer Posts' }).click();
  await expect(postTitles(page)).toHaveText(newestFirst.slice(0, PER_PAGE).map((p) => p.title));
  await page.getByRole('link', { name: 'Older Posts' }).click();

  // A post with comments.
  const withComments = newestFirst.slice(PER_PAGE, 2 * PER_PAGE).find((p) => p.comments.length > 0)!;
  await page.getByRole('link', { name: withComments.title, exact: true }).first().click();
  await expect(page).toHaveURL(/^.*\/\d{4}\/\d{2}\/[a-z0-9-_]+\.html$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(withComments.title);
  const total = withComments.comments.reduce((n, c) => n + 1 + (c.replies?.length ?? 0), 0);
  await expect(page.getByRole('heading', { name: `${total} ${total === 1 ? 'comment' : 'comments'}:` })).toBeVisible();
  await expect(page.getByRole('link', { name: demoBlog.authorName }).first()).toHaveAttribute('href', /\/author\//);
  await expect(page.getByRole('group', { name: 'Share this post' }).getByRole('button', { name: 'Copy link' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'More posts' }).getByRole('link', { name: 'Newer Post' })).toBeVisible();

  // Its first label.
  const label = withComments.labels[0]!;
  const withLabel = newestFirst.filter((p) => p.labels.includes(label));
  await page.getByRole('article').getByRole('link', { name: label, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/search/label/${encodeURIComponent(label).replace(/[()]/g, '\\$&')}$`));
  await expect(page.getByText(`Showing posts with label ${label}.`)).toBeVisible();
  await expect(postTitles(page)).toHaveText(withLabel.slice(0, PER_PAGE).map((p) => p.title));

  // The archive: the newest month in the Blog Archive gadget.
  const archive = page.getByRole('region', { name: 'Blog Archive' });
  const month = archive.getByRole('listitem').getByRole('link').nth(1);
  const monthName = (await month.textContent())!;
  await month.click();
  await expect(page).toHaveURL(/\/\d{4}\/\d{2}$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(monthName);
  await expect(postTitles(page).first()).toBeVisible();

  // Search from the sidebar.
  await page.getByRole('searchbox', { name: 'Search this blog' }).first().fill('tomato');
  await page.getByRole('button', { name: 'Search' }).first().click();
  await expect(page).toHaveURL(/\/search\?q=tomato/);
  await expect(page.getByText(/\d+ posts? match(es)? the search for tomato/)).toBeVisible();
  const results = page.getByRole('list', { name: 'Search results' }).getByRole('listitem');
  await expect(results.first()).toBeVisible();
  await expect(results.first().locator('mark').first()).toHaveText(/tomato/i);
});

test('static pages are listed in the Pages gadget and served at /p/slug.html', async ({ page }) => {
  await page.goto('/');
  const pages = page.getByRole('region', { name: 'Pages' });
  for (const p of demoPages) await expect(pages.getByRole('link', { name: p.title })).toHaveAttribute('href', `/p/${p.slug}.html`);
  await pages.getByRole('link', { name: demoPages[0]!.title }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(demoPages[0]!.title);
});

test("an author's page shows their bio and posts", async ({ page }) => {
  await page.goto('/');
  await page.getByRole('region', { name: 'About Me' }).getByRole('link', { name: demoBlog.authorName }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(demoBlog.authorName);
  await expect(page.getByText(`${demoPosts.length} posts`)).toBeVisible();
  await expect(postTitles(page)).toHaveText(newestFirst.slice(0, PER_PAGE).map((p) => p.title));
});

test('search ranks, filters by label, and copes with odd queries', async ({ page }) => {
  await page.goto('/search?q=tomat');
  await expect(page.getByText(/posts? match(es)? the search for tomat\./)).toBeVisible();

  const label = 'Preserves';
  await page.getByLabel('Only posts with label').selectOption(label);
  await page.getByRole('main').getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/label=Preserves/);
  const items = page.getByRole('list', { name: 'Search results' }).getByRole('listitem');
  const count = await items.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) await expect(items.nth(i).getByRole('link', { name: label })).toBeVisible();

  for (const q of ['"', 'OR AND NOT', '(*) ^"', 'x'.repeat(1000), '']) {
    const response = await page.goto(`/search?q=${encodeURIComponent(q)}`);
    expect(response?.status(), q.slice(0, 20)).toBe(200);
    await expect(page.getByRole('heading', { level: 1, name: 'Search' })).toBeVisible();
  }
  await page.goto('/search?q=%22%22%22');
  await expect(page.getByText('Please use letters or numbers in your search.')).toBeVisible();

  // Words that would only cost a scan are left out, and the page says which.
  await page.goto(`/search?q=${encodeURIComponent('a tomato b')}`);
  await expect(page.getByText('Not searched: a, b — one-letter words are searched only on their own.')).toBeVisible();
  await expect(page.getByText(/\d+ posts? match(es)? the search for a tomato b\./)).toBeVisible();
  await page.goto(`/search?q=${encodeURIComponent('a b c d e f g h i j k l')}`);
  await expect(page.getByText('Please search for a word of two or more letters.')).toBeVisible();
  await expect(page.getByText('Not searched: a, b, c, d, e, f, g, h, i, j, k, l — one-letter words are searched only on their own.')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Search results' })).toHaveCount(0);
  await page.goto(`/search?q=${encodeURIComponent('tomato one two three four five six seven eight nine')}`);
  await expect(page.getByText('Only the first 8 words were searched; left out: eight, nine.')).toBeVisible();
  await page.goto('/search?q=');
  await expect(page.getByText('Type a word or two to search the posts.')).toBeVisible();
});

test('unknown labels, archives, pages and authors are 404s; bad paging falls back to the first page', async ({ page, request }) => {
  for (const path of ['/search/label/No%20Such%20Label', '/search/label/garden', '/1999', '/1999/01', '/2024/13', '/p/nope.html', '/author/nobody']) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
  }
  for (const path of ['/search?updated-max=yesterday', '/search?updated-max=2024-13-45&max-results=-5', '/search?max-results=lots', '/2026?updated-max=%20']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page.getByRole('main').getByRole('article').first()).toBeVisible();
  }
});

test("a post's share card is drawn for visible posts only, and revalidated by its ETag", async ({ page, request }) => {
  await page.goto('/');
  await page.getByRole('link', { name: newestFirst[0]!.title, exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(newestFirst[0]!.title);
  const address = (await page.locator('meta[property="og:image"]').getAttribute('content'))!;
  expect(new URL(address, 'http://blog.test').pathname).toMatch(/^\/\d{4}\/\d{2}\/[^/]+\.html\/share-card\.png$/);

  const card = await request.get(address);
  expect(card.status()).toBe(200);
  expect(card.headers()['content-type']).toBe('image/png');
  expect(card.headers()['cache-control']).toBe('public, max-age=0, must-revalidate');
  const etag = card.headers().etag!;
  expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
  expect((await card.body()).subarray(1, 4).toString()).toBe('PNG');
  expect((await request.get(address, { headers: { 'If-None-Match': etag } })).status()).toBe(304);

  // An address that names no post costs a lookup, never a drawing.
  const unknown = await request.get(new URL(address, 'http://blog.test').pathname.replace(/[^/]+\.html\//, 'no-such-post.html/'));
  expect(unknown.status()).toBe(404);
  expect(unknown.headers()['content-type']).toMatch(/^text\/plain/);
  expect(await unknown.text()).toBe('No such post.');
});

test("Blogger's ?m=1 and ?m=0 redirect to the canonical address", async ({ request }) => {
  const response = await request.get('/search/label/Garden?m=1', { maxRedirects: 0 });
  expect(response.status()).toBe(301);
  const location = new URL(response.headers().location!, 'http://blog.test');
  expect(location.pathname + location.search).toBe('/search/label/Garden');
  const keepsOtherParams = await request.get('/search?q=tomato&m=0', { maxRedirects: 0 });
  expect(keepsOtherParams.headers().location).toBe('/search?q=tomato');
});

test('the theme toggle switches to dark and the choice survives a reload', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('button', { name: 'Switch to light theme' })).toBeVisible();
});
