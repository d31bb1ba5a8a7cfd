import { beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase } from '@/db/migrate';
import { hostileMarkup, hostilePlainText, MB } from '@/test/hostile-text';
import { commentHtmlToText } from '@/lib/import/common';
import { readBackup } from '@/lib/import/read';
import { runImport } from './run';
import type { ImportItem } from '@/lib/import/types';
import { wordpressAutop } from '@/lib/import/wordpress';

// Every case runs under Vitest's default 5 s timeout; the old regexes took minutes on each.
const inputs = Object.entries({ ...hostileMarkup(), ...hostilePlainText() });
// Whole entries carry the text three or four times over, escaped as XML.
const entryInputs = Object.entries({ ...hostileMarkup(MB / 2), ...hostilePlainText(MB / 2) });

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&apos;').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

async function* once(text: string): AsyncGenerator<string> {
  yield text;
}

async function readAll(file: string): Promise<ImportItem[]> {
  const backup = await readBackup(once(file), new Date('2025-01-01T00:00:00Z'));
  const items: ImportItem[] = [];
  for await (const item of backup.items) items.push(item);
  return items;
}

describe("WordPress's paragraph rules on 1 MB of hostile post text", () => {
  it.each(inputs)('%s', (_, input) => {
    expect(wordpressAutop(input)).not.toContain('\u0000');
  });
});

describe('imported comments turned to text, on 1 MB of hostile HTML', () => {
  it.each(inputs)('%s', (_, input) => {
    expect(typeof commentHtmlToText(input)).toBe('string');
  });

  it('keeps the text of a comment nested thousands of elements deep', () => {
    expect(commentHtmlToText(`${'<pre><b>'.repeat(100_000)}deep words`)).toContain('deep words');
  });
});

describe('Blogger entries with hostile ids, addresses and titles', () => {
  it('a reply whose id is 1 MB of one word and a dot', async () => {
    const id = `${'x'.repeat(MB)}.`;
    const items = await readAll(`<feed xmlns='http://www.w3.org/2005/Atom' xmlns:thr='http://purl.org/syndication/thread/1.0'><entry>
      <id>${id}</id><published>2013-12-20T10:00:00Z</published>
      <category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#comment'/>
      <content type='html'>Hi</content><link rel='related' href='https://x.blogspot.com/feeds/1/comments/default/5'/>
      <link rel='alternate' href='https://x.blogspot.com/${'c'.repeat(MB / 2)}#c1'/>
      <thr:in-reply-to ref='tag:blogger.com,1999:blog-1.post-1'/></entry></feed>`);
    expect(items[0]).toMatchObject({ kind: 'comment', parentSourceId: `${id}post-5`, legacyAnchor: 'c1' });
  });

  it.each(entryInputs)('a post whose title, address and body are %s', async (_, input) => {
    const items = await readAll(`<feed xmlns='http://www.w3.org/2005/Atom'><entry><id>tag:blogger.com,1999:blog-1.post-1</id>
      <published>2013-12-20T10:00:00Z</published><title type='html'>${xml(input)}</title><content type='html'>${xml(input)}</content>
      <link rel='alternate' href='https://x.blogspot.com/2013/12/${xml(encodeURIComponent(input.slice(0, 100_000)))}.html'/></entry></feed>`);
    expect(items[0]!.kind).toBe('post');
  });
});

describe('an address too long to be a permalink', () => {
  it('gets a new permalink from the title and is kept as an old address', async () => {
    const path = `/2013/12/${'a.html'.repeat(100_000)}.html`;
    const items = await readAll(`<feed xmlns='http://www.w3.org/2005/Atom'><entry><id>tag:blogger.com,1999:blog-1.post-1</id>
      <published>2013-12-20T10:00:00Z</published><title type='text'>Long</title><content type='html'>x</content>
      <link rel='alternate' href='https://x.blogspot.com${path}'/></entry></feed>`);
    expect(items[0]).toMatchObject({ kind: 'post', path: undefined, slug: undefined, oldPaths: [path] });
  });
});

describe('WordPress items with hostile addresses', () => {
  it.each(entryInputs)('an item whose site address, link and comment are %s', async (_, input) => {
    const items = await readAll(`<rss xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
      <wp:base_site_url>https://wp.test/${xml(input)}</wp:base_site_url>
      <item><title>Hostile</title><link>https://wp.test/${xml(input)}</link><content:encoded>Text</content:encoded>
        <wp:post_id>5</wp:post_id><wp:post_date_gmt>2019-06-01 12:00:00</wp:post_date_gmt><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
        <wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_content>${xml(input)}</wp:comment_content><wp:comment_approved>1</wp:comment_approved></wp:comment>
      </item></channel></rss>`);
    expect(items[0]!.kind).toBe('post');
  });

  it('an address of a million slashes before its last letter', async () => {
    const items = await readAll(`<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><wp:base_site_url>https://wp.test${'/'.repeat(MB)}</wp:base_site_url>
      <item><title>t</title><link>https://wp.test/a${'/'.repeat(MB)}b${'/'.repeat(MB)}</link><wp:post_id>5</wp:post_id>
        <wp:post_date_gmt>2019-06-01 12:00:00</wp:post_date_gmt><wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item></channel></rss>`);
    expect(items[0]).toMatchObject({ kind: 'post', sourceId: 'https://wp.test/?p=5', oldPaths: [`/a${'/'.repeat(MB)}b`, '/?p=5'] });
  });
});

describe('a backup that repeats one id many times', () => {
  beforeAll(async () => {
    await migrateDatabase();
  });

  it('gives each copy its own id in linear time (10,000 copies)', async () => {
    const copy = `<entry><id>tag:blogger.com,1999:blog-1.post-900</id><published>2013-12-20T10:00:00Z</published>
      <category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#comment'/>
      <content type='html'>Same again</content><thr:in-reply-to ref='tag:blogger.com,1999:blog-1.post-1'/></entry>`;
    const file = `<feed xmlns='http://www.w3.org/2005/Atom' xmlns:thr='http://purl.org/syndication/thread/1.0'>${copy.repeat(10_000)}</feed>`;
    const report = await runImport(once(file), { fileName: 'copies.xml', dryRun: true });
    expect(report.found.comments).toBe(10_000);
  });
});
