import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import sharp from 'sharp';
import { ensureSignedIn, unique } from './support';

const fixtures = path.resolve(process.cwd(), '../shared/fixtures');
const haveFixtures = existsSync(path.join(fixtures, 'pelican-bloggerexport.xml'));

/** Uploads a backup through Admin → Import & export, as an author moving in would. */
async function importFile(page: Page, file: { name: string; buffer: Buffer } | string, options: { dryRun?: boolean; copyImages?: boolean } = {}) {
  await page.goto('/admin/import');
  const payload = typeof file === 'string' ? file : { name: file.name, mimeType: 'application/xml', buffer: file.buffer };
  await page.getByLabel('Backup file').setInputFiles(payload);
  if (options.dryRun) await page.getByLabel(/Dry run/).check();
  if (options.copyImages) await page.getByLabel(/Copy images/).check();
  await page.getByRole('button', { name: 'Import' }).click();
}

async function finishedReport(page: Page) {
  const report = page.getByRole('region', { name: 'Import report' });
  await expect(report).toBeVisible({ timeout: 30_000 });
  return report;
}

/** The first hop is a permanent redirect, and following it lands on a page with this title. */
async function expectLandsOn(request: APIRequestContext, oldPath: string, title: string) {
  const first = await request.get(oldPath, { maxRedirects: 0 });
  expect([200, 301, 308], `${oldPath} answers ${first.status()}`).toContain(first.status());
  const final = await request.get(oldPath);
  expect(final.status(), `${oldPath} ends in ${final.status()}`).toBe(200);
  const html = await final.text();
  const heading = html.match(/<h1[^>]*>([\s\S]*?)<\/h1>/)?.[1]?.replace(/<[^>]+>/g, '') ?? '';
  expect(decodeEntities(heading).trim(), `${oldPath} shows "${title}"`).toBe(title);
}

function decodeEntities(text: string): string {
  return text.replace(/&#x27;|&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

const entries = (xml: string) => xml.match(/<entry>[\s\S]*?<\/entry>/g) ?? [];
const textOf = (xml: string, tag: string) => decodeEntities(xml.match(new RegExp(`<${tag}[^>]*>([\\s\\S]*?)</${tag}>`))?.[1]?.trim() ?? '');

test.describe('moving in from a real Blogger or WordPress blog', () => {
  test.skip(!haveFixtures, 'the real-world exports live in ../shared/fixtures, which this clone does not have');

  test('a classic Blogger backup: every old post and page URL answers, comments and anchors kept, drafts private', async ({ page }) => {
    await ensureSignedIn(page);
    const file = path.join(fixtures, 'pelican-bloggerexport.xml');
    const xml = readFileSync(file, 'utf8');
    await importFile(page, file);
    const report = await finishedReport(page);
    await expect(report).toContainText('Import finished');

    const live = entries(xml).filter((e) => /kind#(post|page)/.test(e) && !/<app:draft>yes/.test(e));
    const drafts = entries(xml).filter((e) => /kind#(post|page)/.test(e) && /<app:draft>yes/.test(e));
    expect(live.length).toBeGreaterThan(0);
    for (const entry of live) {
      const href = entry.match(/href="([^"]+)" rel="alternate"/)?.[1];
      expect(href, 'every live entry has its old URL').toBeTruthy();
      const oldPath = new URL(href!).pathname;
      const response = await page.request.get(oldPath, { maxRedirects: 0 });
      expect(response.status(), `${oldPath} is served as is`).toBe(200);
      await expectLandsOn(page.request, oldPath, textOf(entry, 'title'));
    }

    // The comment, by the count in the file, on its post, reachable by Blogger's comment link.
    const comment = entries(xml).find((e) => /kind#comment/.test(e))!;
    const commentUrl = new URL(comment.match(/href="([^"]+)" rel="alternate"/)![1]!.replace(/&amp;/g, '&'));
    const postPath = commentUrl.pathname;
    const perPost = entries(xml).filter((e) => /kind#comment/.test(e) && e.includes(`href="http://youngdoctornotes.blogspot.com${postPath}"`)).length;
    await page.goto(postPath);
    await expect(page.getByRole('heading', { name: `${perPost} comment${perPost === 1 ? '' : 's'}:` })).toBeVisible();
    await expect(page.locator(`#${commentUrl.hash.slice(1)}`)).toHaveCount(1);
    const shown = await page.request.get(`${postPath}${commentUrl.search}`, { maxRedirects: 0 });
    expect(shown.status()).toBe(308);
    expect(shown.headers().location).toMatch(new RegExp(`^${postPath.replace(/\./g, '\\.')}#c\\d+$`));

    // Drafts stay private: not on the home page, not in search, their labels show nothing.
    for (const draft of drafts) {
      const title = textOf(draft, 'title');
      await page.goto(`/search?q=${encodeURIComponent(title)}`);
      await expect(page.getByRole('link', { name: title, exact: true })).toHaveCount(0);
    }
    await page.context().clearCookies();
    for (const draft of drafts) {
      const label = draft.match(/scheme="http:\/\/www\.blogger\.com\/atom\/ns#" term="([^"]+)"/)?.[1];
      if (!label) continue;
      await page.goto(`/search/label/${encodeURIComponent(label)}`);
      await expect(page.getByRole('link', { name: textOf(draft, 'title'), exact: true })).toHaveCount(0);
    }
  });

  test('a Takeout feed.atom: live posts and pages at their blogger:filename, trash and drafts left out', async ({ page }) => {
    await ensureSignedIn(page);
    const file = path.join(fixtures, 'blot-export.atom');
    const xml = readFileSync(file, 'utf8');
    await importFile(page, file);
    const report = await finishedReport(page);
    await report.getByText(/Skipped: \d+ entries/).click();
    await expect(report.getByRole('row', { name: /post.*Trashed.*1.*It was in Blogger's trash/ })).toBeVisible();
    for (const entry of entries(xml)) {
      const filename = textOf(entry, 'blogger:filename');
      const trashed = textOf(entry, 'blogger:trashed');
      if (!filename) continue;
      if (trashed || textOf(entry, 'blogger:status') !== 'LIVE') {
        expect((await page.request.get(filename)).status(), `${filename} stays gone`).toBe(404);
        continue;
      }
      const title = textOf(entry, 'title');
      if (title) await expectLandsOn(page.request, filename, title);
      else expect((await page.request.get(filename, { maxRedirects: 0 })).status()).toBe(200);
    }
  });

  test('a WordPress export: old permalinks, ?p= links and category pages redirect for good to the right place', async ({ page }) => {
    await ensureSignedIn(page);
    const file = path.join(fixtures, 'pelican-wordpressexport.wxr.xml');
    const xml = readFileSync(file, 'utf8');
    await importFile(page, file);
    await expect(await finishedReport(page)).toContainText('Import finished');

    const items = (xml.match(/<item>[\s\S]*?<\/item>/g) ?? []).map((item) => ({
      title: textOf(item, 'title'),
      link: textOf(item, 'link'),
      id: textOf(item, 'wp:post_id'),
      type: textOf(item, 'wp:post_type'),
      status: textOf(item, 'wp:status'),
      comments: (item.match(/<wp:comment>[\s\S]*?<\/wp:comment>/g) ?? []).filter(
        (c) => /<wp:comment_approved>1</.test(c) && !/<wp:comment_type>(pingback|trackback)/.test(c),
      ).length,
      categories: [...item.matchAll(/<category domain="(?:category|post_tag)" nicename="([^"]+)"><!\[CDATA\[([^\]]+)\]\]>/g)].map((m) => ({ nicename: m[1]!, name: m[2]! })),
    }));
    const published = items.filter((i) => (i.type === 'post' || i.type === 'page') && i.status === 'publish');
    const idCounts = new Map<string, number>();
    for (const item of items) idCounts.set(item.id, (idCounts.get(item.id) ?? 0) + 1);
    expect(published.length).toBeGreaterThan(3);
    for (const item of published) {
      const link = new URL(item.link);
      // A hand-made test file repeats some ids; only an unambiguous ?p= link can be checked.
      if (link.search && idCounts.get(item.id)! > 1) continue;
      await expectLandsOn(page.request, `${link.pathname}${link.search}`, item.title);
      if (item.comments) {
        await page.goto(`${link.pathname}${link.search}`);
        await expect(page.getByRole('heading', { name: `${item.comments} comment${item.comments === 1 ? '' : 's'}:` })).toBeVisible();
      }
    }
    // Category and tag archives land on the label's page, which lists the posts that carry it.
    const category = published.flatMap((i) => i.categories).find((c) => c.nicename === 'categ-1' || c.nicename === 'tag-1')!;
    const response = await page.request.get(`/${category.nicename.startsWith('tag') ? 'tag' : 'category'}/${category.nicename}/`);
    expect(response.status()).toBe(200);
    expect(response.url()).toContain(`/search/label/${encodeURIComponent(category.name)}`);

    // Drafts stay private.
    for (const draft of items.filter((i) => i.type === 'post' && i.status === 'draft' && i.title)) {
      await page.goto(`/search?q=${encodeURIComponent(draft.title)}`);
      await expect(page.getByRole('link', { name: draft.title, exact: true })).toHaveCount(0);
    }
  });
});

function bloggerFile(slug: string, title: string, body: string): Buffer {
  return Buffer.from(`<?xml version='1.0' encoding='UTF-8'?>
<feed xmlns='http://www.w3.org/2005/Atom'>
<entry><id>tag:blogger.com,1999:blog-77.post-${slug.length}${Date.now()}</id><published>2016-04-05T10:00:00Z</published>
<category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#post'/>
<category scheme='http://www.blogger.com/atom/ns#' term='Moved'/>
<title type='text'>${title}</title><content type='html'>${body.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</content>
<link rel='alternate' type='text/html' href='https://old.blogspot.com/2016/04/${slug}.html'/>
<author><name>Old Me</name></author></entry>
</feed>`);
}

test('a dry run changes nothing; the import then brings the post in once, however often it is repeated', async ({ page }) => {
  await ensureSignedIn(page);
  const slug = unique('moved').toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const title = unique('Moved from Blogger');
  const file = { name: 'blog-04-05-2016.xml', buffer: bloggerFile(slug, title, '<p>Hello from the old blog.</p><script>alert(1)</script>') };

  await importFile(page, file, { dryRun: true });
  const dry = await finishedReport(page);
  await expect(dry).toContainText('Dry run — nothing was changed. Found 1 post');
  expect((await page.request.get(`/2016/04/${slug}.html`)).status()).toBe(404);

  await importFile(page, file);
  await expect(await finishedReport(page)).toContainText('Imported 1 post');
  await page.goto(`/2016/04/${slug}.html`);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText('Hello from the old blog.')).toBeVisible();
  expect(await page.locator('article script').count()).toBe(0);

  await importFile(page, file);
  await expect(await finishedReport(page)).toContainText('1 post and 0 comments were imported before');
  await page.goto('/search/label/Moved');
  await expect(page.getByRole('link', { name: title })).toHaveCount(1);

  // The run is kept, with its report a click away.
  await page.goto('/admin/import');
  await expect(page.getByRole('table').getByRole('link', { name: /1 posts, 0 pages, 0 comments imported/ }).first()).toBeVisible();
});

test('a file that is not a backup is refused with a clear message and a 4xx, and nothing changes', async ({ page }) => {
  await ensureSignedIn(page);
  await importFile(page, { name: 'notes.xml', buffer: Buffer.from('<html><body>my notes</body></html>') });
  await expect(page.getByText(/This file is a web page, not a backup/)).toBeVisible();

  const slug = unique('cut').toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const whole = bloggerFile(slug, 'Cut off', '<p>x</p>').toString();
  const response = await page.request.post('/api/import', {
    headers: { accept: 'application/x-ndjson' },
    multipart: { file: { name: 'cut.xml', mimeType: 'application/xml', buffer: Buffer.from(whole.slice(0, whole.length - 40)) } },
  });
  expect(response.status()).toBe(200);
  expect(await response.text()).toContain('"error":"The file ends too early');
  expect((await page.request.get(`/2016/04/${slug}.html`)).status()).toBe(404);

  // Without JavaScript the same refusal is a page with a 4xx status.
  const plain = await page.request.post('/api/import', {
    multipart: { file: { name: 'bomb.xml', mimeType: 'application/xml', buffer: Buffer.from('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]><feed xmlns="http://www.w3.org/2005/Atom"><title>&b;</title></feed>') } },
  });
  expect(plain.status()).toBe(422);
  expect(await plain.text()).toContain('declares XML entities');

  // A 1 GB upload is refused from its Content-Length, before a byte of it is stored.
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  const status = await new Promise<number>((resolve, reject) => {
    const url = new URL('/api/import', page.url());
    const req = http.request(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { cookie, 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(1024 ** 3) } },
      (res) => {
        resolve(res.statusCode ?? 0);
        req.destroy();
      },
    );
    req.on('error', reject);
    req.write('--x\r\n');
  });
  expect(status).toBe(413);
});

test('copying images brings them into the media library from the old host', async ({ page }) => {
  await ensureSignedIn(page);
  const png = await sharp({ create: { width: 480, height: 320, channels: 3, background: '#c2410c' } }).png().toBuffer();
  const server = http.createServer((req, res) => {
    if (req.url === '/photos/s1600/harbour.png') res.writeHead(200, { 'content-type': 'image/png' }).end(png);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const slug = unique('harbour').toLowerCase().replace(/[^a-z0-9]+/g, '-');
    const title = unique('Harbour at dusk');
    const body = `<p><a href="http://127.0.0.1:${port}/photos/s1600/harbour.png"><img src="http://127.0.0.1:${port}/photos/s1600/harbour.png" alt="The harbour"></a></p><p><img src="http://127.0.0.1:${port}/missing.png" alt="Gone"></p>`;
    await importFile(page, { name: 'photos.xml', buffer: bloggerFile(slug, title, body) }, { copyImages: true });
    const report = await finishedReport(page);
    await expect(report).toContainText('Copied 1 image into the media library; 1 could not be copied');

    await page.goto(`/2016/04/${slug}.html`);
    const image = page.getByRole('img', { name: 'The harbour' });
    await expect(image).toHaveAttribute('src', /^\/media\/[a-f0-9]{64}\.png$/);
    // The copy (or one of its resized variants) is what the browser actually loaded.
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0 && new URL(img.currentSrc).pathname)).toMatch(/^\/media\/[a-f0-9]{64}/);
    await expect(page.getByRole('img', { name: 'Gone' })).toHaveAttribute('src', `http://127.0.0.1:${port}/missing.png`);
  } finally {
    server.close();
  }
});

// The e2e server runs with IMPORT_ALLOW_HOSTS=127.0.0.1: that one loopback address stands in for an old blog's image host.
test('copying images never reaches an address that is not allowed, and a dry run fetches nothing at all', async ({ page }) => {
  await ensureSignedIn(page);
  const png = await sharp({ create: { width: 320, height: 200, channels: 3, background: '#0f766e' } }).png().toBuffer();
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'image/png' }).end(png);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const allowed = `http://127.0.0.1:${port}/photos/lighthouse.png`;
    // Both reach this same server if anything lets them through: by a name that resolves to loopback, and by another loopback address.
    const byName = `http://localhost:${port}/internal/by-name.png`;
    const otherLoopback = `http://127.0.0.2:${port}/internal/other-loopback.png`;
    const slug = unique('lighthouse').toLowerCase().replace(/[^a-z0-9]+/g, '-');
    const body = `<p><img src="${allowed}" alt="The lighthouse"></p><p><img src="${byName}" alt="By name"></p><p><img src="${otherLoopback}" alt="Other loopback"></p>`;
    const file = { name: 'lighthouse.xml', buffer: bloggerFile(slug, unique('Lighthouse'), body) };

    await importFile(page, file, { dryRun: true, copyImages: true });
    const dry = await finishedReport(page);
    await expect(dry).toContainText('Would try to copy 2 images into the media library (a dry run fetches none); 1 would be refused');
    expect(requests, 'a dry run fetches nothing').toEqual([]);

    await importFile(page, file, { copyImages: true });
    const report = await finishedReport(page);
    await expect(report).toContainText('Copied 1 image into the media library; 2 could not be copied');
    await report.getByText('Images not copied: 2').click();
    // What was refused, and nothing of what the address would have answered.
    await expect(report.getByRole('listitem').filter({ hasText: byName })).toHaveText(`${byName} — refused: loopback address`);
    await expect(report.getByRole('listitem').filter({ hasText: otherLoopback })).toHaveText(`${otherLoopback} — refused: loopback address`);
    expect(requests).toEqual(['/photos/lighthouse.png']);

    await page.goto(`/2016/04/${slug}.html`);
    await expect(page.getByRole('img', { name: 'The lighthouse' })).toHaveAttribute('src', /^\/media\/[a-f0-9]{64}\.png$/);
    await expect(page.getByRole('img', { name: 'By name' })).toHaveAttribute('src', byName);
    await expect(page.getByRole('img', { name: 'Other loopback' })).toHaveAttribute('src', otherLoopback);
  } finally {
    server.close();
  }
});

test('the whole blog downloads as a Blogger backup, a WordPress file and a SQLite snapshot', async ({ page }) => {
  await ensureSignedIn(page);
  const slug = unique('leaving').toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const title = unique('Everything leaves with me');
  await importFile(page, { name: 'leaving.xml', buffer: bloggerFile(slug, title, '<p>Portable.</p>') });
  await finishedReport(page);
  await page.goto('/admin/import');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Download.*Blogger backup/ }).click()]);
  const blogger = readFileSync((await download.path())!, 'utf8');
  expect(blogger).toContain("<feed xmlns='http://www.w3.org/2005/Atom'");
  expect(blogger).toContain(`/2016/04/${slug}.html`);
  expect(blogger).toContain(title);

  const wxr = await page.request.get('/admin/export/wordpress.xml');
  expect(wxr.status()).toBe(200);
  expect(await wxr.text()).toContain(`<title>${title}</title>`);

  const db = await page.request.get('/admin/export/blog.db');
  expect(db.status()).toBe(200);
  expect((await db.body()).subarray(0, 16).toString('latin1')).toBe('SQLite format 3\u0000');
});
