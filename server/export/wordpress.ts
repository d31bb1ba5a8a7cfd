import type { ExportPost } from '@/db/export';
import { slugify } from '@/lib/posts/slug';
import type { ExportBlog } from './blogger';
import { cdata, xmlText } from './xml-text';

type ExportAuthor = { id: number; name: string; email: string; slug: string | null };

/** "2012-02-16 15:52:55", WordPress's date format (in UTC for the _gmt fields). */
function wpDate(date: Date | null | undefined): string {
  return date ? date.toISOString().slice(0, 19).replace('T', ' ') : '0000-00-00 00:00:00';
}

const STATUS = { published: 'publish', draft: 'draft', scheduled: 'future' } as const;

/**
 * The blog as a WordPress export (WXR 1.2): authors, labels as categories, posts and pages with
 * their comments (approved, pending and spam, with their threads). WordPress's importer reads
 * it, and so does this blog's, which keeps the /YYYY/MM/slug.html addresses exactly.
 */
export async function* wordpressExport(
  blog: ExportBlog,
  authors: ExportAuthor[],
  labels: string[],
  batches: AsyncIterable<ExportPost[]>,
): AsyncGenerator<string> {
  const logins = new Map(authors.map((a) => [a.id, a.slug ?? `author-${a.id}`]));
  const nicenames = new Map<string, string>();
  const used = new Set<string>();
  for (const label of labels) {
    const base = slugify(label, 200);
    let nicename = base;
    for (let n = 2; used.has(nicename); n++) nicename = `${base}-${n}`;
    used.add(nicename);
    nicenames.set(label, nicename);
  }
  yield `<?xml version="1.0" encoding="UTF-8" ?>
<!-- A WordPress eXtended RSS file written by Blogstead: import it with WordPress's Tools → Import → WordPress, or into another Blogstead. -->
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>${xmlText(blog.title)}</title>
<link>${xmlText(blog.origin)}</link>
<description>${xmlText(blog.description)}</description>
<pubDate>${new Date().toUTCString()}</pubDate>
<language>en</language>
<wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>${xmlText(blog.origin)}</wp:base_site_url>
<wp:base_blog_url>${xmlText(blog.origin)}</wp:base_blog_url>
`;
  for (const author of authors) {
    const email = author.email.endsWith('@imported.invalid') ? '' : author.email;
    yield `<wp:author><wp:author_id>${author.id}</wp:author_id><wp:author_login>${cdata(logins.get(author.id)!)}</wp:author_login><wp:author_email>${cdata(email)}</wp:author_email><wp:author_display_name>${cdata(author.name)}</wp:author_display_name></wp:author>\n`;
  }
  let termId = 1;
  for (const [label, nicename] of nicenames) {
    yield `<wp:category><wp:term_id>${termId++}</wp:term_id><wp:category_nicename>${cdata(nicename)}</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name>${cdata(label)}</wp:cat_name></wp:category>\n`;
  }
  for await (const batch of batches) {
    for (const post of batch) {
      const url = post.permalink && post.status !== 'draft' ? `${blog.origin}${post.permalink}` : `${blog.origin}/?p=${post.id}`;
      const lines = [
        '<item>',
        `<title>${xmlText(post.title)}</title>`,
        `<link>${xmlText(url)}</link>`,
        `<pubDate>${(post.publishedAt ?? post.createdAt).toUTCString()}</pubDate>`,
        `<dc:creator>${cdata(logins.get(post.authorId) ?? '')}</dc:creator>`,
        `<guid isPermaLink="false">${xmlText(`${blog.origin}/?p=${post.id}`)}</guid>`,
        '<description></description>',
        `<content:encoded>${cdata(post.body)}</content:encoded>`,
        `<excerpt:encoded>${cdata(post.searchDescription)}</excerpt:encoded>`,
        `<wp:post_id>${post.id}</wp:post_id>`,
        `<wp:post_date>${cdata(wpDate(post.publishedAt ?? post.createdAt))}</wp:post_date>`,
        `<wp:post_date_gmt>${cdata(post.status === 'draft' ? wpDate(null) : wpDate(post.publishedAt))}</wp:post_date_gmt>`,
        `<wp:post_modified_gmt>${cdata(wpDate(post.updatedAt))}</wp:post_modified_gmt>`,
        `<wp:comment_status>${cdata(post.commentPolicy === 'closed' ? 'closed' : 'open')}</wp:comment_status>`,
        `<wp:post_name>${cdata(post.slug)}</wp:post_name>`,
        `<wp:status>${cdata(STATUS[post.status])}</wp:status>`,
        '<wp:post_parent>0</wp:post_parent>',
        `<wp:post_type>${cdata(post.type)}</wp:post_type>`,
        '<wp:post_password></wp:post_password>',
        ...post.labels.map((label) => `<category domain="category" nicename="${xmlText(nicenames.get(label) ?? slugify(label, 200))}">${cdata(label)}</category>`),
        ...post.comments.map((c) =>
          [
            '<wp:comment>',
            `<wp:comment_id>${c.id}</wp:comment_id>`,
            `<wp:comment_author>${cdata(c.authorName)}</wp:comment_author>`,
            `<wp:comment_author_email>${cdata(c.authorEmail ?? '')}</wp:comment_author_email>`,
            `<wp:comment_author_url>${cdata(c.authorUrl ?? '')}</wp:comment_author_url>`,
            `<wp:comment_date>${cdata(wpDate(c.createdAt))}</wp:comment_date>`,
            `<wp:comment_date_gmt>${cdata(wpDate(c.createdAt))}</wp:comment_date_gmt>`,
            // Plain text kept as text: WordPress would read "<b>" in a comment as markup.
            `<wp:comment_content>${cdata(c.body.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'))}</wp:comment_content>`,
            `<wp:comment_approved>${cdata(c.status === 'published' ? '1' : c.status === 'spam' ? 'spam' : '0')}</wp:comment_approved>`,
            '<wp:comment_type>comment</wp:comment_type>',
            `<wp:comment_parent>${c.parentId ?? 0}</wp:comment_parent>`,
            '</wp:comment>',
          ].join(''),
        ),
        '</item>',
      ];
      yield `${lines.join('\n')}\n`;
    }
  }
  yield '</channel>\n</rss>\n';
}
