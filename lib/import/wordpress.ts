import { withoutTrailingSlashes } from '@/lib/posts/permalink';
import { bloggerPath } from './blogger';
import { cleanPerson, commentHtmlToText, parseDate } from './common';
import type { ImportItem, ImportedPerson } from './types';
import { children, childText, isWordPressNs, NS, type XmlNode } from './xml';

const WP = isWordPressNs;

/** What a WXR file says before its items: the site address and who the authors are. */
export type WordPressContext = {
  siteUrl?: string;
  authors: Map<string, ImportedPerson>;
  aliases: Set<string>;
};

export function newWordPressContext(): WordPressContext {
  return { authors: new Map(), aliases: new Set() };
}

/**
 * WordPress stores post text without paragraphs and adds them when it shows a post (wpautop):
 * a blank line starts a paragraph, a single newline is a line break. Blocks that already are
 * HTML blocks (and the block editor's markup) are left as they are; <pre> is never touched.
 */
export function wordpressAutop(text: string): string {
  if (!text.trim()) return '';
  const kept: string[] = [];
  let body = replaceSpans(text.replace(/\r\n?/g, '\n'), blockComment, () => '');
  body = replaceSpans(body, preBlock, (block) => `\n\n\u0000${kept.push(block) - 1}\u0000\n\n`);
  body = replaceSpans(body, caption, captionToFigure);
  const blockStart = /^<\/?(p|div|h[1-6]|ul|ol|li|dl|table|thead|tbody|tr|blockquote|figure|hr|section|details|address|form|iframe|video|audio)[\s>/]/i;
  return body
    .split(/\n\s*\n/)
    .map((chunk) => chunk.trim())
    .filter(Boolean)
    .map((chunk) => {
      const pre = /^\u0000(\d+)\u0000$/.exec(chunk);
      if (pre) return kept[Number(pre[1])]!;
      if (blockStart.test(chunk)) return chunk;
      return `<p>${chunk.replace(/\n/g, '<br>\n')}</p>`;
    })
    .join('\n');
}

/**
 * A kind of span in post text: where one may start, and the closing text it runs to. Found with a
 * forward scan, not a lazy regex like /<pre[\s\S]*?<\/pre>/, which rescans to the end from every
 * opener that is never closed (a post of repeated "<pre" took minutes).
 */
type Span = {
  /** Global regex for where a span may begin; a match of it is the span's head. */
  start: RegExp;
  /** Global regex for the text that ends the span. */
  end: RegExp;
  /** For spans whose head runs to a delimiter (`[caption …]`): that delimiter. */
  headEnd?: string;
};

// The block editor's <!-- wp:… --> and <!-- /wp:… --> comments.
const blockComment: Span = { start: /<!--\s*\/?wp:/g, end: /-->/g };
const preBlock: Span = { start: /<pre/gi, end: /<\/pre>/gi };
const caption: Span = { start: /\[caption/gi, headEnd: ']', end: /\[\/caption\]/gi };

/**
 * Replaces every span, left to right, as `text.replace` with the lazy regex would; `inner` is
 * what lies between the head and the end. Once no end follows, none follows any later opener
 * either, so the scan stops: each character is looked at a bounded number of times.
 */
function replaceSpans(text: string, span: Span, replace: (whole: string, inner: string) => string): string {
  let out = '';
  let from = 0;
  span.start.lastIndex = 0;
  for (let head = span.start.exec(text); head; head = span.start.exec(text)) {
    let innerStart = head.index + head[0].length;
    if (span.headEnd !== undefined) {
      const close = text.indexOf(span.headEnd, innerStart);
      if (close === -1) break;
      innerStart = close + span.headEnd.length;
    }
    span.end.lastIndex = innerStart;
    const end = span.end.exec(text);
    if (!end) break;
    const stop = end.index + end[0].length;
    out += text.slice(from, head.index) + replace(text.slice(head.index, stop), text.slice(innerStart, end.index));
    from = stop;
    span.start.lastIndex = stop;
  }
  return out + text.slice(from);
}

/** WordPress's [caption]<img …> Text[/caption] shortcode, as the figure it stands for. */
function captionToFigure(_: string, inner: string): string {
  // Each part anchored and unambiguous (the old `^\s*(?:<a…>)?\s*<img` let two \s* share the same spaces).
  const match = /^\s*((?:<a[^>]*>\s*)?<img[^>]*>\s*(?:<\/a>)?)([\s\S]*)$/i.exec(inner);
  return match ? `<figure>${match[1]!.trim()}<figcaption>${match[2]!.trim()}</figcaption></figure>` : inner;
}

function gmtDate(value: string): Date | undefined {
  // "2012-02-16 15:52:55" in UTC.
  return /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(value.trim()) ? parseDate(`${value.trim().replace(' ', 'T')}Z`) : undefined;
}

function localDate(value: string): Date | undefined {
  // wp:post_date is the site's local time with no zone given; read as UTC, off by the site's offset at most.
  return gmtDate(value);
}

function oldPathOf(href: string, siteUrl: string | undefined): string | undefined {
  try {
    const url = new URL(href.trim(), siteUrl ?? 'http://placeholder.invalid');
    if (siteUrl && new URL(siteUrl).host !== url.host) return undefined;
    const path = withoutTrailingSlashes(decodeURI(url.pathname));
    const id = url.searchParams.get('p') ?? url.searchParams.get('page_id');
    if (path === '/' && id) return `/?${url.searchParams.has('p') ? 'p' : 'page_id'}=${id}`;
    return path === '/' ? undefined : path;
  } catch {
    return undefined;
  }
}

/**
 * One child of a WXR <channel>: an author, category or tag (remembered, and their old archive
 * addresses kept as label aliases), or an <item> with its comments.
 */
export function wordpressRecord(node: XmlNode, ctx: WordPressContext, now: Date): ImportItem[] {
  if (WP(node.uri) && (node.local === 'base_blog_url' || node.local === 'base_site_url')) {
    if (node.local === 'base_blog_url' || !ctx.siteUrl) ctx.siteUrl = node.text.trim() || ctx.siteUrl;
    return [];
  }
  if (WP(node.uri) && node.local === 'author') {
    const login = childText(node, WP, 'author_login');
    // Logins are matched without case: exports write "Bob" here and "bob" in dc:creator.
    ctx.authors.set(
      login.toLowerCase(),
      cleanPerson({ name: childText(node, WP, 'author_display_name') || login, email: childText(node, WP, 'author_email') }),
    );
    return [];
  }
  if (WP(node.uri) && (node.local === 'category' || node.local === 'tag')) {
    const name = childText(node, WP, node.local === 'category' ? 'cat_name' : 'tag_name');
    const slug = childText(node, WP, node.local === 'category' ? 'category_nicename' : 'tag_slug');
    return labelAlias(ctx, node.local === 'category' ? 'category' : 'tag', slug, name);
  }
  if (node.local !== 'item' || node.uri !== '') return [];
  return wordpressItem(node, ctx, now);
}

function labelAlias(ctx: WordPressContext, base: 'category' | 'tag', slug: string, name: string): ImportItem[] {
  if (!slug || !name.trim()) return [];
  const fromPath = `/${base}/${decodeSafe(slug)}`;
  if (ctx.aliases.has(fromPath)) return [];
  ctx.aliases.add(fromPath);
  return [{ kind: 'label-alias', fromPath, label: name.trim() }];
}

function decodeSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function wordpressItem(item: XmlNode, ctx: WordPressContext, now: Date): ImportItem[] {
  const title = childText(item, '', 'title');
  const postType = childText(item, WP, 'post_type') || 'post';
  const wpStatus = childText(item, WP, 'status') || 'publish';
  const postId = childText(item, WP, 'post_id');
  if (postType !== 'post' && postType !== 'page') {
    if (postType === 'attachment') {
      return [{ kind: 'skipped', what: 'attachment', title, reason: 'Attachments are not imported as posts; images stay linked where posts show them (or are copied with "Copy images").' }];
    }
    const what = postType === 'nav_menu_item' ? 'menu item' : `“${postType}” item`;
    return [{ kind: 'skipped', what, title, reason: 'Only posts, pages and their comments are imported, not other WordPress content types.' }];
  }
  if (wpStatus === 'trash' || wpStatus === 'auto-draft') {
    return [{ kind: 'skipped', what: postType, title, reason: wpStatus === 'trash' ? "It was in WordPress's trash." : 'It is an unsaved auto-draft.' }];
  }
  if (!postId) return [{ kind: 'skipped', what: postType, title, reason: 'It has no wp:post_id, so it cannot be imported safely.' }];
  const base = ctx.siteUrl === undefined ? 'wordpress' : withoutTrailingSlashes(ctx.siteUrl, 0);
  const sourceId = `${base}/?p=${postId}`;

  const items: ImportItem[] = [];
  const labels: string[] = [];
  for (const category of children(item, '', 'category')) {
    const name = category.text.trim();
    const domain = category.attrs.domain;
    if (!name || (domain !== 'category' && domain !== 'post_tag')) continue;
    // WordPress files every post without a category under "Uncategorized": not a label anyone chose.
    if (domain === 'category' && category.attrs.nicename === 'uncategorized') continue;
    labels.push(name);
    items.push(...labelAlias(ctx, domain === 'category' ? 'category' : 'tag', category.attrs.nicename ?? '', name));
  }

  const published =
    gmtDate(childText(item, WP, 'post_date_gmt')) ?? localDate(childText(item, WP, 'post_date')) ?? parseDate(childText(item, '', 'pubDate'));
  const password = childText(item, WP, 'post_password');
  const status =
    wpStatus === 'publish' && !password ? 'published' : wpStatus === 'future' ? 'scheduled' : 'draft';
  const oldPaths = new Set<string>();
  let path: string | undefined;
  if (status !== 'draft') {
    const link = oldPathOf(childText(item, '', 'link'), ctx.siteUrl);
    // A blog whose addresses already look like Blogger's (/2012/02/name.html) keeps them exactly.
    path = link ? bloggerPath(link) : undefined;
    if (link && !path) oldPaths.add(link);
  }
  oldPaths.add(postType === 'page' ? `/?page_id=${postId}` : `/?p=${postId}`);
  const login = childText(item, NS.dc, 'creator');
  const slug = decodeSafe(childText(item, WP, 'post_name'));
  items.unshift({
    kind: 'post',
    sourceId,
    type: postType,
    status: status === 'scheduled' && published && published <= now ? 'published' : status,
    title: title.replace(/\s+/g, ' '),
    html: wordpressAutop(childText(item, NS.content, 'encoded')),
    publishedAt: published,
    updatedAt: gmtDate(childText(item, WP, 'post_modified_gmt')) ?? published,
    path,
    oldPaths: [...oldPaths],
    slug: slug || undefined,
    labels: [...new Set(labels)],
    author: ctx.authors.get(login.toLowerCase()) ?? cleanPerson({ name: login }),
  });
  if (password && wpStatus === 'publish') {
    items.push({ kind: 'skipped', what: 'password', title, reason: 'It was password-protected on WordPress, so it is imported as a draft.' });
  }

  for (const comment of children(item, WP, 'comment')) {
    const id = childText(comment, WP, 'comment_id');
    const type = childText(comment, WP, 'comment_type');
    const approved = childText(comment, WP, 'comment_approved');
    const author = childText(comment, WP, 'comment_author');
    if (type === 'pingback' || type === 'trackback') {
      items.push({ kind: 'skipped', what: type, title: author, reason: 'Pingbacks and trackbacks are not comments anyone wrote here.' });
      continue;
    }
    if (approved === 'trash' || approved === 'post-trashed') {
      items.push({ kind: 'skipped', what: 'comment', title: author, reason: "It was in WordPress's trash." });
      continue;
    }
    const text = commentHtmlToText(wordpressAutop(childText(comment, WP, 'comment_content')));
    if (!id || !text) {
      items.push({ kind: 'skipped', what: 'comment', title: author, reason: id ? 'It is empty.' : 'It has no comment id.' });
      continue;
    }
    const parent = childText(comment, WP, 'comment_parent');
    items.push({
      kind: 'comment',
      sourceId: `${sourceId}#comment-${id}`,
      inReplyTo: sourceId,
      parentSourceId: parent && parent !== '0' ? `${sourceId}#comment-${parent}` : undefined,
      author: cleanPerson({ name: author, email: childText(comment, WP, 'comment_author_email'), url: childText(comment, WP, 'comment_author_url') }),
      text,
      status: approved === '1' ? 'published' : approved === 'spam' ? 'spam' : 'pending',
      createdAt:
        gmtDate(childText(comment, WP, 'comment_date_gmt')) ?? localDate(childText(comment, WP, 'comment_date')) ?? published ?? now,
      legacyAnchor: `comment-${id}`,
    });
  }
  return items;
}
