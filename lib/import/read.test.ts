import { describe, expect, it } from 'vitest';
import { readBackup } from './read';
import type { ImportItem } from './types';
import { wordpressAutop } from './wordpress';

async function* chunks(text: string, size = 7): AsyncGenerator<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  // Small chunks: entries, names and multi-byte characters are split across writes.
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function readAll(text: string): Promise<{ format: string; items: ImportItem[] }> {
  const backup = await readBackup(chunks(text), new Date('2025-01-01T00:00:00Z'));
  const items: ImportItem[] = [];
  for await (const item of backup.items) items.push(item);
  return { format: backup.format, items };
}

const classic = `<?xml version='1.0' encoding='UTF-8'?>
<feed xmlns='http://www.w3.org/2005/Atom' xmlns:thr='http://purl.org/syndication/thread/1.0'>
  <id>tag:blogger.com,1999:blog-42.archive</id>
  <entry>
    <id>tag:blogger.com,1999:blog-42.settings.BLOG_NAME</id>
    <category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#settings'/>
    <content type='text'>Café notes</content>
  </entry>
  <entry>
    <id>tag:blogger.com,1999:blog-42.post-100</id>
    <published>2013-12-18T19:50:00.001-08:00</published>
    <updated>2013-12-19T08:00:00.000-08:00</updated>
    <category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#post'/>
    <category scheme='http://www.blogger.com/atom/ns#' term='Coffee'/>
    <category scheme='http://www.blogger.com/atom/ns#' term='café crème'/>
    <title type='text'>Naïve café — a review</title>
    <content type='html'>&lt;p&gt;Hello &lt;b&gt;world&lt;/b&gt;&lt;/p&gt;</content>
    <link rel='alternate' type='text/html' href='http://cafe.blogspot.com/2013/12/naive-cafe-review.html' title='x'/>
    <author><name>Ann</name><email>noreply@blogger.com</email><uri>https://www.blogger.com/profile/1</uri></author>
  </entry>
  <entry>
    <id>tag:blogger.com,1999:blog-42.post-101</id>
    <published>2014-01-02T10:00:00.000Z</published>
    <app:control xmlns:app='http://purl.org/atom/app#'><app:draft>yes</app:draft></app:control>
    <category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#post'/>
    <title type='text'>Half written</title>
    <content type='html'>draft</content>
    <author><name>Ann</name></author>
  </entry>
  <entry>
    <id>tag:blogger.com,1999:blog-42.post-200</id>
    <published>2013-12-20T10:00:00.000Z</published>
    <category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#comment'/>
    <content type='html'>Great &lt;a href="https://example.org/x"&gt;link&lt;/a&gt;!&lt;br /&gt;Second line</content>
    <link rel='alternate' type='text/html' href='http://cafe.blogspot.com/2013/12/naive-cafe-review.html?showComment=1387533600000#c200'/>
    <author><name>Bo</name><uri>http://bo.example</uri><email>noreply@blogger.com</email></author>
    <thr:in-reply-to href='http://cafe.blogspot.com/2013/12/naive-cafe-review.html' ref='tag:blogger.com,1999:blog-42.post-100'/>
  </entry>
  <entry>
    <id>tag:blogger.com,1999:blog-42.post-201</id>
    <published>2013-12-21T10:00:00.000Z</published>
    <category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#comment'/>
    <content type='html'>Thanks!</content>
    <link rel='related' type='application/atom+xml' href='https://www.blogger.com/feeds/42/100/comments/default/200'/>
    <author><name>Ann</name></author>
    <thr:in-reply-to ref='tag:blogger.com,1999:blog-42.post-100'/>
  </entry>
</feed>`;

describe('readBackup: Blogger classic export', () => {
  it('reads posts, drafts, labels and threaded comments by namespace, across any chunking', async () => {
    const { format, items } = await readAll(classic);
    expect(format).toBe('blogger');
    const [setting, post, draft, comment, reply] = items;
    expect(setting).toMatchObject({ kind: 'skipped', what: 'Blogger setting' });
    expect(post).toMatchObject({
      kind: 'post',
      type: 'post',
      status: 'published',
      title: 'Naïve café — a review',
      path: '/2013/12/naive-cafe-review.html',
      labels: ['Coffee', 'café crème'],
      author: { name: 'Ann', url: 'https://www.blogger.com/profile/1' },
    });
    expect(post?.kind === 'post' && post.author.email).toBeUndefined();
    expect(post?.kind === 'post' && post.publishedAt?.toISOString()).toBe('2013-12-19T03:50:00.001Z');
    expect(draft).toMatchObject({ kind: 'post', status: 'draft', path: undefined });
    expect(comment).toMatchObject({
      kind: 'comment',
      inReplyTo: 'tag:blogger.com,1999:blog-42.post-100',
      legacyAnchor: 'c200',
      text: 'Great link (https://example.org/x)!\nSecond line',
      author: { name: 'Bo', url: 'http://bo.example' },
    });
    expect(reply).toMatchObject({ kind: 'comment', parentSourceId: 'tag:blogger.com,1999:blog-42.post-200' });
  });

  it('accepts app:draft used without declaring the app prefix (as real exports do)', async () => {
    const undeclared = classic.replace(" xmlns:app='http://purl.org/atom/app#'", '');
    const { items } = await readAll(undeclared);
    expect(items[2]).toMatchObject({ kind: 'post', status: 'draft' });
  });

  it('reads a Takeout feed.atom: blogger:type, status, filename, parent and trash', async () => {
    const takeout = `<?xml version='1.0' encoding='utf-8'?>
<feed xmlns='http://www.w3.org/2005/Atom' xmlns:blogger='http://schemas.google.com/blogger/2018'>
  <entry><id>tag:blogger.com,1999:blog-9.post-1</id><blogger:type>POST</blogger:type><blogger:status>LIVE</blogger:status>
    <author><name>Bernd</name></author><title>Nach Suzhou</title><content type='html'>&lt;p&gt;x&lt;/p&gt;</content>
    <published>2011-05-11T19:46:00Z</published><blogger:filename>/2011/10/nach-suzhou.html</blogger:filename></entry>
  <entry><id>tag:blogger.com,1999:blog-9.page-1</id><blogger:type>PAGE</blogger:type><blogger:status>DRAFT</blogger:status>
    <title>About</title><content type='html'>a</content><published>2011-05-11T19:46:00Z</published></entry>
  <entry><id>tag:blogger.com,1999:blog-9.post-2</id><blogger:type>POST</blogger:type><blogger:status>LIVE</blogger:status>
    <title>Gone</title><content type='html'>a</content><blogger:trashed>2015-02-01T00:00:00Z</blogger:trashed></entry>
  <entry><id>tag:blogger.com,1999:blog-9.comment-1</id><blogger:parent>tag:blogger.com,1999:blog-9.post-1</blogger:parent>
    <blogger:type>COMMENT</blogger:type><blogger:status>LIVE</blogger:status><content type='html'>Nice</content>
    <published>2011-05-12T00:00:00Z</published></entry>
</feed>`;
    const { items } = await readAll(takeout);
    expect(items.map((i) => i.kind)).toEqual(['post', 'post', 'skipped', 'comment']);
    expect(items[0]).toMatchObject({ path: '/2011/10/nach-suzhou.html', status: 'published', author: { name: 'Bernd' } });
    expect(items[1]).toMatchObject({ type: 'page', status: 'draft' });
    expect(items[3]).toMatchObject({ inReplyTo: 'tag:blogger.com,1999:blog-9.post-1', text: 'Nice' });
  });

  it('treats a future publish date as scheduled, and a non-Blogger path as an old address', async () => {
    const future = classic.replace('2013-12-18T19:50:00.001-08:00', '2030-01-01T00:00:00Z').replace('/2013/12/naive-cafe-review.html', '/blog/naive');
    const { items } = await readAll(future);
    expect(items[1]).toMatchObject({ status: 'scheduled', path: undefined, oldPaths: ['/blog/naive'] });
  });
});

const wxr = `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
  <wp:base_site_url>https://wp.example</wp:base_site_url>
  <wp:base_blog_url>https://wp.example</wp:base_blog_url>
  <wp:author><wp:author_login>Ann</wp:author_login><wp:author_email>ann@wp.example</wp:author_email><wp:author_display_name><![CDATA[Ann W.]]></wp:author_display_name></wp:author>
  <wp:category><wp:category_nicename>news</wp:category_nicename><wp:cat_name><![CDATA[News]]></wp:cat_name></wp:category>
  <item>
    <title>Hello &amp; welcome</title>
    <link>https://wp.example/2012/02/hello-welcome/</link>
    <dc:creator><![CDATA[ann]]></dc:creator>
    <content:encoded><![CDATA[First paragraph
second line

[caption id="a" width="300"]<img src="https://wp.example/a.jpg" alt="A"> The caption[/caption]

<pre>keep
  this</pre>]]></content:encoded>
    <wp:post_id>12</wp:post_id>
    <wp:post_date_gmt>2012-02-16 15:52:55</wp:post_date_gmt>
    <wp:post_name>hello-welcome</wp:post_name>
    <wp:status>publish</wp:status>
    <wp:post_type>post</wp:post_type>
    <category domain="category" nicename="news"><![CDATA[News]]></category>
    <category domain="post_tag" nicename="first"><![CDATA[First Steps]]></category>
    <category domain="category" nicename="uncategorized"><![CDATA[Uncategorized]]></category>
    <wp:comment><wp:comment_id>5</wp:comment_id><wp:comment_author><![CDATA[Cy]]></wp:comment_author><wp:comment_author_email>cy@x.example</wp:comment_author_email>
      <wp:comment_date_gmt>2012-02-17 10:00:00</wp:comment_date_gmt><wp:comment_content><![CDATA[Nice <em>post</em>]]></wp:comment_content>
      <wp:comment_approved>1</wp:comment_approved><wp:comment_type></wp:comment_type><wp:comment_parent>0</wp:comment_parent></wp:comment>
    <wp:comment><wp:comment_id>6</wp:comment_id><wp:comment_author><![CDATA[Ann]]></wp:comment_author>
      <wp:comment_date_gmt>2012-02-17 11:00:00</wp:comment_date_gmt><wp:comment_content><![CDATA[Thanks]]></wp:comment_content>
      <wp:comment_approved>0</wp:comment_approved><wp:comment_parent>5</wp:comment_parent></wp:comment>
  </item>
  <item>
    <title>About</title><link>https://wp.example/about/</link><dc:creator>ann</dc:creator>
    <content:encoded><![CDATA[<p>Me</p>]]></content:encoded>
    <wp:post_id>2</wp:post_id><wp:post_date_gmt>2011-01-01 00:00:00</wp:post_date_gmt><wp:post_name>about</wp:post_name>
    <wp:status>publish</wp:status><wp:post_type>page</wp:post_type>
  </item>
  <item><title>logo</title><wp:post_id>3</wp:post_id><wp:status>inherit</wp:status><wp:post_type>attachment</wp:post_type></item>
</channel>
</rss>`;

describe('readBackup: WordPress WXR', () => {
  it('reads authors, posts with paragraphs, labels, pages and threaded comments', async () => {
    const { format, items } = await readAll(wxr);
    expect(format).toBe('wordpress');
    const post = items.find((i) => i.kind === 'post' && i.type === 'post');
    expect(post).toMatchObject({
      sourceId: 'https://wp.example/?p=12',
      title: 'Hello & welcome',
      status: 'published',
      slug: 'hello-welcome',
      labels: ['News', 'First Steps'],
      oldPaths: ['/2012/02/hello-welcome', '/?p=12'],
      author: { name: 'Ann W.', email: 'ann@wp.example' },
    });
    expect(post?.kind === 'post' && post.html).toContain('<p>First paragraph<br>\nsecond line</p>');
    expect(post?.kind === 'post' && post.html).toContain('<figure><img src="https://wp.example/a.jpg" alt="A"><figcaption>The caption</figcaption></figure>');
    expect(post?.kind === 'post' && post.html).toContain('<pre>keep\n  this</pre>');
    const comments = items.filter((i) => i.kind === 'comment');
    expect(comments).toMatchObject([
      { text: 'Nice post', status: 'published', legacyAnchor: 'comment-5', author: { email: 'cy@x.example' } },
      { status: 'pending', parentSourceId: 'https://wp.example/?p=12#comment-5' },
    ]);
    expect(items.find((i) => i.kind === 'post' && i.type === 'page')).toMatchObject({ slug: 'about', oldPaths: ['/about', '/?page_id=2'] });
    expect(items.filter((i) => i.kind === 'label-alias').map((i) => i.kind === 'label-alias' && i.fromPath)).toEqual(['/category/news', '/tag/first']);
    expect(items.at(-1)).toMatchObject({ kind: 'skipped', what: 'attachment' });
  });

  it('wraps paragraphs the way WordPress shows them, leaving block HTML alone', () => {
    expect(wordpressAutop('one\ntwo\n\n<ul><li>x</li></ul>\n\nthree')).toBe('<p>one<br>\ntwo</p>\n<ul><li>x</li></ul>\n<p>three</p>');
  });
});

describe('readBackup: files that are not backups', () => {
  const cases: [string, string | Uint8Array, RegExp][] = [
    ['an empty file', '', /empty/],
    ['plain text', 'hello, this is not xml', /not well-formed XML/],
    ['a web page', '<html><body><p>hi</p></body></html>', /web page, not a backup/],
    ['other XML', '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>', /not a Blogger or WordPress backup/],
    ['a plain RSS feed', '<rss version="2.0"><channel><item><title>x</title></item></channel></rss>', /RSS feed, not a WordPress export/],
    ['a truncated backup', classic.slice(0, classic.length / 2), /cut off/],
    [
      'an entity-expansion bomb',
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><feed xmlns="http://www.w3.org/2005/Atom"><entry><title>&lol2;</title></entry></feed>',
      /declares XML entities/,
    ],
    ['invalid UTF-8', new Uint8Array([0x3c, 0x66, 0x65, 0x65, 0x64, 0x3e, 0xff, 0xfe, 0x3c]), /not UTF-8/],
  ];
  for (const [name, body, message] of cases) {
    it(`refuses ${name} with a clear message`, async () => {
      const source = typeof body === 'string' ? chunks(body) : (async function* () { yield body; })();
      const read = async () => {
        const backup = await readBackup(source);
        for await (const _ of backup.items) void _;
      };
      await expect(read()).rejects.toThrow(message);
    });
  }
});
