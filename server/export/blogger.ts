import type { ExportPost } from '@/db/export';
import { escapeHtml } from '@/lib/posts/content';
import { xmlText } from './xml-text';

export type ExportBlog = { title: string; description: string; origin: string };

const KIND = 'http://schemas.google.com/blogger/2008/kind#';
// Comment ids share Blogger's ".post-N" shape (replies point at their parent by that number).
const COMMENT_OFFSET = 1_000_000_000_000;

function tagBase(origin: string): string {
  return `tag:blogstead,2026:${new URL(origin).host}`;
}

const iso = (date: Date | null | undefined) => (date ?? new Date(0)).toISOString();
const isPlaceholderEmail = (email: string) => email.endsWith('@imported.invalid');

function author(name: string, email?: string | null): string {
  const mail = email && !isPlaceholderEmail(email) ? email : 'noreply@blogger.com';
  return `<author><name>${xmlText(name)}</name><email>${xmlText(mail)}</email></author>`;
}

/**
 * The blog as a Blogger "Back up content" file (the classic Atom export): posts and pages with
 * their labels, drafts marked with app:draft, and published comments as entries answering their
 * post (thr:in-reply-to) or parent comment (rel="related"), as Blogger writes them. Blogger and
 * this blog's own importer read it back.
 */
export async function* bloggerExport(blog: ExportBlog, batches: AsyncIterable<ExportPost[]>): AsyncGenerator<string> {
  const base = tagBase(blog.origin);
  yield `<?xml version='1.0' encoding='UTF-8'?>
<feed xmlns='http://www.w3.org/2005/Atom' xmlns:openSearch='http://a9.com/-/spec/opensearchrss/1.0/' xmlns:gd='http://schemas.google.com/g/2005' xmlns:thr='http://purl.org/syndication/thread/1.0' xmlns:app='http://purl.org/atom/app#'>
<id>${xmlText(`${base}.archive`)}</id>
<updated>${new Date().toISOString()}</updated>
<title type='text'>${xmlText(blog.title)}</title>
<subtitle type='html'>${xmlText(blog.description)}</subtitle>
<link rel='alternate' type='text/html' href='${xmlText(`${blog.origin}/`)}'/>
<generator version='1' uri='${xmlText(blog.origin)}'>Blogstead</generator>
`;
  for await (const batch of batches) {
    for (const post of batch) {
      const id = post.sourceId ?? `${base}.${post.type}-${post.id}`;
      const url = post.permalink && post.status !== 'draft' ? `${blog.origin}${post.permalink}` : undefined;
      const lines = [
        '<entry>',
        `<id>${xmlText(id)}</id>`,
        `<published>${iso(post.publishedAt ?? post.createdAt)}</published>`,
        `<updated>${iso(post.updatedAt)}</updated>`,
        post.status === 'draft' ? '<app:control><app:draft>yes</app:draft></app:control>' : '',
        `<category scheme='http://schemas.google.com/g/2005#kind' term='${KIND}${post.type}'/>`,
        ...post.labels.map((label) => `<category scheme='http://www.blogger.com/atom/ns#' term='${xmlText(label)}'/>`),
        `<title type='text'>${xmlText(post.title)}</title>`,
        `<content type='html'>${xmlText(post.body)}</content>`,
        url ? `<link rel='alternate' type='text/html' href='${xmlText(url)}' title='${xmlText(post.title)}'/>` : '',
        author(post.authorName, post.authorEmail),
        '</entry>',
      ];
      yield `${lines.filter(Boolean).join('\n')}\n`;

      for (const comment of post.comments) {
        if (comment.status !== 'published') continue;
        const number = COMMENT_OFFSET + comment.id;
        const anchor = comment.legacyAnchor && /^c\d+$/.test(comment.legacyAnchor) ? comment.legacyAnchor : `c${comment.id}`;
        const commentLines = [
          '<entry>',
          `<id>${xmlText(`${base}.post-${number}`)}</id>`,
          `<published>${iso(comment.createdAt)}</published>`,
          `<updated>${iso(comment.createdAt)}</updated>`,
          `<category scheme='http://schemas.google.com/g/2005#kind' term='${KIND}comment'/>`,
          `<title type='text'>${xmlText(comment.body.slice(0, 40))}</title>`,
          // Comments are plain text: escaped as HTML first, so "<b>" typed by a reader stays text.
          `<content type='html'>${xmlText(escapeHtml(comment.body).replace(/\n/g, '<br />'))}</content>`,
          url ? `<link rel='alternate' type='text/html' href='${xmlText(`${url}?showComment=${comment.createdAt.getTime()}#${anchor}`)}'/>` : '',
          comment.parentId
            ? `<link rel='related' type='application/atom+xml' href='${xmlText(`${blog.origin}/feeds/${post.id}/comments/default/${COMMENT_OFFSET + comment.parentId}`)}'/>`
            : '',
          `<author><name>${xmlText(comment.authorName)}</name>${comment.authorUrl ? `<uri>${xmlText(comment.authorUrl)}</uri>` : ''}${comment.authorEmail ? `<email>${xmlText(comment.authorEmail)}</email>` : ''}</author>`,
          `<thr:in-reply-to ref='${xmlText(id)}'${url ? ` href='${xmlText(url)}'` : ''} type='text/html'/>`,
          '</entry>',
        ];
        yield `${commentLines.filter(Boolean).join('\n')}\n`;
      }
    }
  }
  yield '</feed>\n';
}
