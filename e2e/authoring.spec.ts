import { expect, test, type Page } from '@playwright/test';
import { publishPost, signIn, unique, writeBody } from './support';

test.beforeEach(async ({ page }) => {
  await signIn(page);
});

/** The editor's "Publish at" value for a moment from now, in the blog's zone (UTC on the test blog). */
function localValue(date: Date): string {
  return date.toISOString().slice(0, 19);
}

async function newDraft(page: Page, title: string, body: string) {
  await page.goto('/admin/posts/new');
  await page.getByLabel('Title').fill(title);
  await writeBody(page, body);
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByText('Draft saved.')).toBeVisible();
  return Number(page.url().match(/posts\/(\d+)/)![1]);
}

test('a scheduled post appears by itself when its time comes', async ({ page, browser }) => {
  test.setTimeout(90_000);
  const title = unique('Scheduled');
  await page.goto('/admin/posts/new');
  await page.getByLabel('Title').fill(title);
  await writeBody(page, 'Written earlier, published later.');

  // A time already past is refused, and nothing typed is lost.
  await page.getByLabel('Publish at').fill(localValue(new Date(Date.now() - 60_000)));
  await page.getByRole('button', { name: 'Schedule' }).click();
  await expect(page.getByText(/That time has already passed/)).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Body' })).toHaveText('Written earlier, published later.');

  const at = new Date(Date.now() + 20_000);
  await page.getByLabel('Publish at').fill(localValue(at));
  await page.getByRole('button', { name: 'Schedule' }).click();
  await expect(page.getByText(/^Scheduled: it will appear on the blog at/)).toBeVisible();
  const permalink = (await page.locator('code').first().textContent())!;

  const reader = await browser.newPage();
  await reader.goto('/');
  await expect(reader.getByRole('link', { name: title })).toHaveCount(0);
  expect((await reader.goto(permalink))?.status()).toBe(404);

  // Nobody does anything: only the clock moves. The reader reloads until the post is there, and
  // it must not be there before its time (a 200 is only answered once the server's clock passed it).
  let early = false;
  await expect
    .poll(
      async () => {
        if ((await reader.goto(permalink))?.status() !== 200) return 'not yet';
        early ||= Date.now() < at.getTime();
        return 'published';
      },
      { timeout: 60_000, intervals: [1_000] },
    )
    .toBe('published');
  expect(early, 'the post appeared before its time').toBe(false);
  await reader.goto('/');
  await expect(reader.getByRole('link', { name: title }).first()).toBeVisible();
  const feed = await (await reader.request.get('/feeds/posts/default')).text();
  expect(feed).toContain(title);
  await reader.close();
});

test('every save keeps a revision; two can be compared and an old one restored', async ({ page, browser }) => {
  const title = unique('Revised');
  const permalink = await publishPost(page, { title, body: 'The first version of the text.' });
  await writeBody(page, 'The second version of the text.');
  await page.getByRole('button', { name: 'Update' }).click();
  await expect(page.getByText('Your changes are published.')).toBeVisible();

  await page.getByRole('link', { name: 'Revisions' }).click();
  const comparison = page.getByRole('region', { name: 'Comparison' });
  await expect(comparison.locator('tr[data-change="changed"]')).toContainText(['first']);
  await expect(comparison.locator('tr[data-change="changed"]')).toContainText(['second']);
  await comparison.getByRole('button', { name: /^Restore the version of/ }).first().click();
  await expect(page.getByText('The revision is restored.')).toBeVisible();

  const reader = await browser.newPage();
  await reader.goto(permalink);
  await expect(reader.getByText('The first version of the text.')).toBeVisible();
  await reader.close();
});

test('changing a live permalink keeps the old address as a redirect', async ({ page, request }) => {
  const title = unique('Moving house');
  const oldPath = await publishPost(page, { title, body: 'Find me.' });
  const slug = `moved-${Date.now().toString(36)}`;
  await page.getByLabel('Permalink').fill(slug);
  await page.getByRole('button', { name: 'Update' }).click();
  await expect(page.getByText('Your changes are published.')).toBeVisible();
  const newPath = oldPath.replace(/[^/]+\.html$/, `${slug}.html`);
  await expect(page.getByText(newPath)).toBeVisible();

  const response = await request.get(oldPath, { maxRedirects: 0 });
  expect(response.status()).toBe(308);
  expect(response.headers().location).toBe(newPath);
  expect((await request.get(newPath)).status()).toBe(200);
});

test('two tabs editing one post: the later save is refused, not silently lost', async ({ page, context }) => {
  const id = await newDraft(page, unique('Two tabs'), 'Original.');
  const second = await context.newPage();
  await second.goto(`/admin/posts/${id}`);
  await writeBody(page, 'Saved from the first tab.');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByText('Draft saved.')).toBeVisible();

  await writeBody(second, 'Typed in the second tab.');
  await second.getByRole('button', { name: 'Save draft' }).click();
  await expect(second.getByText(/was changed in another tab or by someone else/)).toBeVisible();
  await expect(second.getByRole('textbox', { name: 'Body' })).toHaveText('Typed in the second tab.');
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Body' })).toHaveText('Saved from the first tab.');
});

test('a draft can be previewed only by signed-in authors, and deleted after a confirmation', async ({ page, browser }) => {
  const title = unique('Previewable');
  const id = await newDraft(page, title, 'Not public yet.');
  await page.getByRole('link', { name: 'Preview' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText('Preview: only signed-in authors can see this page.')).toBeVisible();

  const visitor = await browser.newPage();
  await visitor.goto(`/admin/posts/${id}/preview`);
  await expect(visitor).toHaveURL(/\/login/);
  await visitor.close();

  await page.goto(`/admin/posts/${id}`);
  await page.getByRole('link', { name: 'Delete' }).click();
  await expect(page.getByRole('heading', { name: 'Delete this post?' })).toBeVisible();
  await page.getByRole('button', { name: 'Delete post' }).click();
  await expect(page.getByText('The post is deleted.')).toBeVisible();
  expect((await page.goto(`/admin/posts/${id}`))?.status()).toBe(404);
});

test('the posts list filters by status and title, and publishes several drafts at once', async ({ page }) => {
  const stem = unique('Bulk');
  await newDraft(page, `${stem} one`, 'One.');
  await newDraft(page, `${stem} two`, 'Two.');
  await page.goto('/admin');
  await page.getByLabel('Title contains').fill(stem);
  await page.getByLabel('Status').selectOption('draft');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page.getByRole('row')).toHaveCount(3);
  await page.getByRole('checkbox', { name: `Select “${stem} one”` }).check();
  await page.getByRole('checkbox', { name: `Select “${stem} two”` }).check();
  await page.getByLabel('With ticked posts:').selectOption('publish');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByText('2 posts published.')).toBeVisible();
  await page.goto(`/admin?q=${encodeURIComponent(stem)}&status=published`);
  await expect(page.getByRole('row')).toHaveCount(3);
});

test('a static page is written in the same editor and served at /p/slug.html', async ({ page, browser }) => {
  const title = unique('About us');
  await page.goto('/admin/pages/new');
  await page.getByLabel('Title').fill(title);
  await writeBody(page, 'We grow vegetables.');
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByText('Your page is published.')).toBeVisible();
  const permalink = (await page.getByRole('link', { name: 'View page' }).getAttribute('href'))!;
  expect(permalink).toMatch(/^\/p\/about-us-[a-z0-9-]+\.html$/);

  const reader = await browser.newPage();
  await reader.goto('/');
  await reader.getByRole('region', { name: 'Pages' }).getByRole('link', { name: title }).click();
  await expect(reader.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await reader.close();
});

test('an uploaded image appears in the post, resized, and the library warns before deleting it', async ({ page, browser, request }) => {
  const sharp = (await import('sharp')).default;
  const png = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#2f6b3a' } }).png().toBuffer();
  const title = unique('With a picture');
  await page.goto('/admin/posts/new');
  await page.getByLabel('Title').fill(title);
  await writeBody(page, 'Look at this:');

  // The wrong kind of file is refused with the reason.
  await page.getByLabel('Upload an image').setInputFiles({ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('not really a picture') });
  await expect(page.getByText(/not an image this blog can use/)).toBeVisible();

  page.once('dialog', (dialog) => void dialog.accept('A green test card'));
  await page.getByLabel('Upload an image').setInputFiles({ name: 'green.png', mimeType: 'image/png', buffer: png });
  await expect(page.getByRole('textbox', { name: 'Body' }).getByRole('img', { name: 'A green test card' })).toBeVisible();
  await page.getByLabel('Cover image').selectOption({ label: 'green.png' });
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByText('Your post is published.')).toBeVisible();
  const permalink = (await page.getByRole('link', { name: 'View post' }).getAttribute('href'))!;

  const reader = await browser.newPage();
  await reader.goto(permalink);
  // The share card is drawn from the cover: its corner is the cover's green.
  const card = await request.get((await reader.locator('meta[property="og:image"]').getAttribute('content'))!);
  expect(card.headers()['content-type']).toBe('image/png');
  const { data } = await sharp(await card.body()).raw().toBuffer({ resolveWithObject: true });
  expect([data[0], data[1], data[2]]).toEqual([0x2f, 0x6b, 0x3a]);
  const img = reader.getByRole('article').first().getByRole('img', { name: 'A green test card' });
  await expect(img).toBeVisible();
  await expect(img).toHaveAttribute('srcset', /-640\.webp 640w/);
  await expect(img).toHaveAttribute('width', '1200');
  const src = (await img.getAttribute('src'))!;
  const file = await request.get(src);
  expect(file.status()).toBe(200);
  expect(file.headers()['cache-control']).toContain('immutable');
  expect((await request.get(src.replace('.png', '-640.webp'))).headers()['content-type']).toBe('image/webp');
  await reader.close();

  await page.goto('/admin/media');
  await page.getByRole('link', { name: 'Delete green.png' }).first().click();
  await expect(page.getByText(/It is still used in this post/)).toBeVisible();
  await expect(page.getByRole('link', { name: title })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Delete anyway' })).toBeVisible();
});

test('autosave keeps a new draft while the author types, without moving the caret', async ({ page }) => {
  const title = unique('Autosaved');
  await page.goto('/admin/posts/new');
  await page.getByLabel('Title').fill(title);
  await writeBody(page, 'Half a thought');
  await expect(page.getByText(/^Draft autosaved at/)).toBeVisible({ timeout: 20_000 });
  await expect(page).toHaveURL(/\/admin\/posts\/\d+$/);
  // Typing goes on where the caret was; the author waits for the next autosave of what they typed.
  const saved = page.waitForResponse(
    (r) => new URL(r.url()).pathname === '/api/posts/autosave' && r.ok() && (r.request().postData() ?? '').includes('now finished'),
    { timeout: 20_000 },
  );
  await page.keyboard.insertText(', now finished.');
  await expect(page.getByRole('textbox', { name: 'Body' })).toHaveText('Half a thought, now finished.');
  expect(await (await saved).json()).not.toHaveProperty('skipped', true);
  await page.reload();
  await expect(page.getByLabel('Title')).toHaveValue(title);
  await expect(page.getByRole('textbox', { name: 'Body' })).toHaveText('Half a thought, now finished.');
  await expect(page.getByText('Draft', { exact: true })).toBeVisible();
});
