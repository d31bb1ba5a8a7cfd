import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { Parser } from 'htmlparser2';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { savePost } from '@/db/posts';
import { resolveAddress } from '@/db/addresses';
import { createAuthor } from '@/db/authors';
import { comments, labelRedirects, posts } from '@/db/schema';
import { runImport } from './run';

async function* text(body: string): AsyncGenerator<string> {
  yield body;
}

const counts = () => {
  const db = getDb();
  return {
    posts: db.select({ n: sql<number>`count(*)` }).from(posts).get()!.n,
    comments: db.select({ n: sql<number>`count(*)` }).from(comments).get()!.n,
  };
};

const entry = (id: number, body: string, extra = '') => `<entry>
  <id>tag:blogger.com,1999:blog-7.post-${id}</id>
  <published>2015-03-0${(id % 9) + 1}T10:00:00Z</published>
  <category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#post'/>
  <title type='text'>Post ${id}</title>
  <content type='html'>${body}</content>
  <link rel='alternate' type='text/html' href='https://seven.blogspot.com/2015/03/post-${id}.html'/>
  <author><name>Seven Writer</name></author>${extra}
</entry>`;

const comment = (id: number, postId: number, words: string) => `<entry>
  <id>tag:blogger.com,1999:blog-7.post-${id}</id>
  <published>2015-03-09T10:00:00Z</published>
  <category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#comment'/>
  <content type='html'>${words}</content>
  <author><name>Reader ${id}</name></author>
  <thr:in-reply-to xmlns:thr='http://purl.org/syndication/thread/1.0' ref='tag:blogger.com,1999:blog-7.post-${postId}'/>
</entry>`;

const feed = (...entries: string[]) => `<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'>${entries.join('')}</feed>`;

beforeAll(async () => {
  await migrateDatabase();
});

describe('runImport', () => {
  it('keeps Blogger paths, cleans bodies, and adds nothing when the same file comes again', async () => {
    const file = feed(
      comment(901, 1, 'Comment before its post'),
      entry(1, '&lt;p onclick="alert(1)"&gt;Hi&lt;script&gt;alert(2)&lt;/script&gt;&lt;/p&gt;'),
      entry(2, '&lt;p&gt;Two&lt;/p&gt;'),
      comment(902, 2, 'On two'),
    );
    const before = counts();
    const first = await runImport(text(file), { fileName: 'a.xml' });
    expect(first.applied).toMatchObject({ posts: 2, comments: 2, alreadyImported: { posts: 0, comments: 0 } });
    const one = getDb().select().from(posts).where(eq(posts.sourceId, 'tag:blogger.com,1999:blog-7.post-1')).get()!;
    expect(one.permalink).toBe('/2015/03/post-1.html');
    expect(one.body).toBe('<p>Hi</p>');

    const again = await runImport(text(file), { fileName: 'a.xml' });
    expect(again.applied).toMatchObject({ posts: 0, comments: 0, alreadyImported: { posts: 2, comments: 2 } });
    expect(counts()).toEqual({ posts: before.posts + 2, comments: before.comments + 2 });

    // A newer backup of the same blog brings only what is new.
    const newer = await runImport(text(file.replace('</feed>', `${comment(903, 1, 'Late comment')}</feed>`)), { fileName: 'b.xml' });
    expect(newer.applied).toMatchObject({ posts: 0, comments: 1 });
  });

  it('a dry run reports what would come in and writes nothing', async () => {
    const before = counts();
    const report = await runImport(text(feed(entry(11, 'x'), entry(12, 'y'), comment(911, 11, 'z'))), { fileName: 'dry.xml', dryRun: true });
    expect(report.applied).toBeUndefined();
    expect(report.found).toMatchObject({ posts: 2, comments: 1 });
    expect(counts()).toEqual(before);
  });

  it('a file that breaks halfway changes nothing', async () => {
    const before = counts();
    const whole = feed(entry(21, 'x'), entry(22, 'y'), entry(23, 'z'));
    await expect(runImport(text(whole.slice(0, whole.length - 200)), { fileName: 'cut.xml' })).rejects.toThrow(/cut off/);
    expect(counts()).toEqual(before);
  });

  it('moves a post whose address is taken next door, and says so', async () => {
    const author = await createAuthor({ name: 'Local', email: 'local@example.org' });
    await savePost({ authorId: author.id, title: 'Post 31', body: '<p>mine</p>', labels: [], action: 'publish', timeZone: 'UTC', now: new Date('2015-03-05T00:00:00Z') });
    const report = await runImport(text(feed(entry(31, 'theirs'))), { fileName: 'clash.xml' });
    expect(report.applied!.notes.join(' ')).toMatch(/\/2015\/03\/post-31\.html.*\/2015\/03\/post-31_2\.html/);
  });

  it('WordPress addresses answer with redirects to the new ones, labels included', async () => {
    const wxr = `<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
      <channel><wp:base_site_url>https://wp.test</wp:base_site_url>
      <item><title>Moving day</title><link>https://wp.test/moving-day/</link><content:encoded>Boxes</content:encoded>
        <wp:post_id>5</wp:post_id><wp:post_date_gmt>2019-06-01 12:00:00</wp:post_date_gmt><wp:post_name>moving-day</wp:post_name>
        <wp:status>publish</wp:status><wp:post_type>post</wp:post_type><category domain="post_tag" nicename="life"><![CDATA[Life]]></category></item>
      <item><title>Long read</title><link>https://wp.test/long-read/</link><content:encoded><![CDATA[Intro<!--more-->Rest]]></content:encoded>
        <wp:post_id>6</wp:post_id><wp:post_date_gmt>2019-06-02 12:00:00</wp:post_date_gmt><wp:post_name>long-read</wp:post_name>
        <wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>
      </channel></rss>`;
    await runImport(text(wxr), { fileName: 'wp.xml' });
    expect(await resolveAddress({ path: '/moving-day' })).toEqual({ kind: 'redirect', to: '/2019/06/moving-day.html' });
    expect(await resolveAddress({ path: '/?p=5' })).toEqual({ kind: 'redirect', to: '/2019/06/moving-day.html' });
    expect(await resolveAddress({ path: '/tag/life' })).toEqual({ kind: 'redirect', to: '/search/label/Life' });
    expect(getDb().select().from(labelRedirects).where(eq(labelRedirects.fromPath, '/tag/life')).get()).toBeTruthy();
    // WordPress's read-more comment survives as Blogger's jump break.
    expect(getDb().select().from(posts).where(eq(posts.title, 'Long read')).get()!.body).toBe('<p>Intro<a name="more"></a>Rest</p>');
  });
});

const fixtures = path.resolve(process.cwd(), '../shared/fixtures');
const haveFixtures = existsSync(path.join(fixtures, 'pelican-bloggerexport.xml'));

describe.skipIf(!haveFixtures)('runImport on real-world exports (../shared/fixtures)', () => {
  it('imports every post, page and comment of the classic Blogger export', async () => {
    const file = readFileSync(path.join(fixtures, 'pelican-bloggerexport.xml'), 'utf8');
    const kinds = (name: string) => (file.match(new RegExp(`kind#${name}'|kind#${name}"`, 'g')) ?? []).length;
    const report = await runImport(text(file), { fileName: 'pelican-bloggerexport.xml' });
    expect(report.found.posts + report.found.pages).toBe(kinds('post') + kinds('page'));
    expect(report.found.comments).toBe(kinds('comment'));
    expect(report.skipped.find((s) => s.what === 'Blogger setting')?.count).toBe(kinds('settings'));
  });

  it('imports the WordPress WXR file: posts, pages, approved comments', async () => {
    const file = readFileSync(path.join(fixtures, 'pelican-wordpressexport.wxr.xml'), 'utf8');
    const types = [...file.matchAll(/<wp:post_type>(?:<!\[CDATA\[)?(\w+)/g)].map((m) => m[1]);
    const report = await runImport(text(file), { fileName: 'wxr.xml' });
    expect(report.found.posts).toBe(types.filter((t) => t === 'post').length);
    expect(report.found.pages).toBe(types.filter((t) => t === 'page').length);
  });
});

const corpus = path.join(fixtures, 'xss-payloads.txt');

describe.skipIf(!existsSync(corpus))('imported HTML goes through the same sanitiser (XSS corpus in ../shared/fixtures)', () => {
  it('no script, event handler or javascript: URL survives in an imported post, title, label or comment', async () => {
    const payloads = readFileSync(corpus, 'utf8')
      .split('\n')
      .filter((line) => /^\d+\t/.test(line))
      .map((line) => JSON.parse(line.split('\t')[3]!) as string);
    expect(payloads.length).toBeGreaterThan(50);
    const esc = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&apos;');
    const file = feed(
      ...payloads.map((payload, i) =>
        entry(5000 + i, esc(payload), `<category scheme='http://www.blogger.com/atom/ns#' term='${esc(payload.slice(0, 80))}'/>`).replace(`Post ${5000 + i}`, esc(payload.slice(0, 200))),
      ),
      ...payloads.map((payload, i) => comment(9000 + i, 5000 + i, esc(payload))),
    );
    const report = await runImport(text(file), { fileName: 'xss.xml' });
    expect(report.applied!.posts).toBe(payloads.length);
    const rows = getDb().select({ body: posts.body }).from(posts).where(sql`${posts.sourceId} like 'tag:blogger.com,1999:blog-7.post-5%'`).all();
    expect(rows.length).toBe(payloads.length);
    // Judged as a browser would read it: elements and attributes, not text that merely mentions them.
    for (const { body } of rows) {
      const found: string[] = [];
      const parser = new Parser({
        onopentag(name, attribs) {
          if (['script', 'iframe', 'object', 'embed', 'svg', 'math', 'style', 'form', 'input'].includes(name)) found.push(`<${name}>`);
          for (const [attr, value] of Object.entries(attribs)) {
            if (/^on/i.test(attr)) found.push(`${name}[${attr}]`);
            if (/^\s*(javascript|vbscript|data:text\/html)/i.test(value.replace(/[\u0000-\u0020]/g, ''))) found.push(`${name}[${attr}=${value}]`);
          }
        },
      });
      parser.write(body);
      parser.end();
      expect(found, body).toEqual([]);
    }
    // Comments are kept as plain text (rendered as text, never as HTML), every one of them.
    const texts = getDb().select({ body: comments.body }).from(comments).where(sql`${comments.sourceId} like 'tag:blogger.com,1999:blog-7.post-9___'`).all();
    expect(texts.length + report.skipped.filter((s) => s.what === 'comment').reduce((n, s) => n + s.count, 0)).toBe(payloads.length);
  });
});
