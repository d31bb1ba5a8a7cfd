import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { newReader, publishPost, signIn, unique } from './support';

// Stats (lib/stats.ts, server/stats.ts): each page a reader opens sends one beacon; the server
// counts it or says why not (X-Stats), and adds its counts to the database every STATS_FLUSH_MS
// (200 ms in this suite).

const BEACON = '/api/stats/hit';
const googlebot = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';

/** Opens a page as a reader and returns what the server said about its page view. */
async function visit(page: Page, path: string): Promise<{ status: number; stats: string; cache: string | undefined }> {
  const beacon = page.waitForResponse((response) => new URL(response.url()).pathname === BEACON);
  const response = await page.goto(path);
  const answer = await beacon;
  return { status: answer.status(), stats: (await answer.allHeaders())['x-stats'] ?? '', cache: response?.headers()['x-cache'] };
}

async function reader(browser: Browser, options: Parameters<Browser['newContext']>[0] = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = options.userAgent ? await browser.newContext({ ...options }) : await newReader(browser);
  return { context, page: await context.newPage() };
}

/** The views the Stats page shows for a post in a period, once its counts have been written. */
async function expectViews(admin: Page, title: string, views: string, period = 'today') {
  await expect(async () => {
    await admin.goto(`/admin/stats?period=${period}`);
    const row = admin.getByRole('table', { name: /^Top posts and pages/ }).getByRole('row', { name: new RegExp(title) });
    await expect(row.getByRole('cell')).toHaveText(views, { timeout: 500 });
  }).toPass({ timeout: 10_000 });
}

let admin: Page;

test.beforeAll(async ({ browser }) => {
  // A page of its own context: axe needs one.
  admin = await (await browser.newContext()).newPage();
  await signIn(admin);
});

test.afterAll(async () => {
  await admin.context().close();
});

test('a reader’s visits count, from a fresh render and from the page cache, with nothing kept in their browser', async ({ browser }) => {
  const title = unique('Counted post');
  const permalink = await publishPost(admin, { title, body: 'Read me twice.' });

  const first = await reader(browser);
  const violations: string[] = [];
  first.page.on('console', (message) => {
    if (/Content.Security.Policy|Refused/i.test(message.text())) violations.push(message.text());
  });
  const uncached = await visit(first.page, permalink);
  expect(uncached).toMatchObject({ status: 204, stats: 'counted' });

  // The second reader gets the page from the cache (each worker keeps its own, so it may take a
  // few loads): counted all the same, every load a view.
  const second = await reader(browser);
  let views = 1;
  let cachedVisit = await visit(second.page, permalink);
  views++;
  for (let i = 0; i < 6 && cachedVisit.cache !== 'HIT'; i++, views++) cachedVisit = await visit(second.page, permalink);
  expect(cachedVisit).toMatchObject({ status: 204, stats: 'counted', cache: 'HIT' });
  expect(violations).toEqual([]);

  // No cookie, no storage: nothing in the reader's browser identifies them.
  for (const { context, page } of [first, second]) {
    expect(await context.cookies()).toEqual([]);
    expect(await page.evaluate(() => [localStorage.length, sessionStorage.length])).toEqual([0, 0]);
  }

  await first.context.close();
  await second.context.close();
  await expectViews(admin, title, String(views));
});

test('a crawler and a signed-in author are not counted; a reader is', async ({ browser }) => {
  const title = unique('Crawled post');
  const permalink = await publishPost(admin, { title, body: 'Crawlers welcome, not counted.' });

  const crawler = await reader(browser, { userAgent: googlebot });
  expect(await visit(crawler.page, permalink)).toMatchObject({ status: 204, stats: 'not counted: robot' });
  await crawler.context.close();

  expect(await visit(admin, permalink)).toMatchObject({ status: 204, stats: 'not counted: author' });

  const person = await reader(browser);
  expect(await visit(person.page, permalink)).toMatchObject({ status: 204, stats: 'counted' });
  await person.context.close();

  await expectViews(admin, title, '1');
});

test('the Stats page: charts with a text alternative, periods by link, and the daily counts as CSV', async () => {
  await admin.goto('/admin/stats');
  await admin.getByRole('navigation', { name: 'Period' }).getByRole('link', { name: 'Last 30 days' }).click();
  await expect(admin).toHaveURL(/period=30d/);
  await expect(admin.getByRole('link', { name: 'Last 30 days' })).toHaveAttribute('aria-current', 'page');

  const daily = admin.getByRole('img', { name: 'Views per day, last 30 days' });
  await expect(daily).toHaveAccessibleDescription(/views from .* to .*; the most, \d+, on /);
  await expect(admin.getByRole('img', { name: 'Views per month, all time' })).toBeVisible();
  const axe = await new AxeBuilder({ page: admin }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
  await admin.getByText('Show the numbers').first().click();
  await expect(admin.getByRole('table', { name: 'Views per day, last 30 days' }).getByRole('row')).toHaveCount(31);

  const csv = await admin.request.get('/admin/stats/export');
  expect(csv.headers()['content-type']).toContain('text/csv');
  const lines = (await csv.text()).trim().split('\r\n');
  expect(lines[0]).toBe('date,views,visitors,feed_fetches');
  expect(lines.at(-1)).toMatch(/^\d{4}-\d{2}-\d{2},[1-9]\d*,[1-9]\d*,\d+$/);

  // Admin → Posts shows each post's views.
  await admin.goto('/admin');
  await expect(admin.getByRole('columnheader', { name: 'Views' })).toBeVisible();
});

test('Popular Posts follows the views', async ({ browser }) => {
  const leader = unique('Leading post');
  const challenger = unique('Challenger post');
  const leaderPath = await publishPost(admin, { title: leader, body: 'Read first.' });
  const challengerPath = await publishPost(admin, { title: challenger, body: 'Read more, later.' });

  await admin.goto('/admin/settings');
  await admin.getByLabel('Rank by').selectOption('views');
  await admin.getByLabel('Views over').selectOption('7d');
  await admin.getByLabel('Posts shown').fill('10');
  await admin.getByRole('button', { name: 'Save settings' }).click();
  await expect(admin.getByText('Settings saved.')).toBeVisible();

  const someone = await reader(browser);
  const popular = someone.page.getByRole('region', { name: 'Popular Posts' }).getByRole('link');
  const order = async () => (await popular.allTextContents()).filter((text) => text === leader || text === challenger);

  for (let i = 0; i < 3; i++) await visit(someone.page, leaderPath);
  await expect(async () => {
    await someone.page.goto('/');
    expect(await order()).toEqual([leader]);
  }).toPass({ timeout: 10_000 });

  for (let i = 0; i < 5; i++) await visit(someone.page, challengerPath);
  await expect(async () => {
    await someone.page.goto('/');
    expect(await order()).toEqual([challenger, leader]);
  }).toPass({ timeout: 10_000 });
  await someone.context.close();
});
