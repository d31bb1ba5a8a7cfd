import { escapeHtml } from '@/lib/posts/content';
import { commentHtmlToText, cleanPerson, parseDate } from './common';
import type { ImportItem, ImportedPerson } from './types';
import { child, children, childText, NS, type XmlNode } from './xml';

const KIND_SCHEME = 'http://schemas.google.com/g/2005#kind';
const KIND_PREFIX = 'http://schemas.google.com/blogger/2008/kind#';
const LABEL_SCHEME = 'http://www.blogger.com/atom/ns#';

/**
 * A Blogger address this blog serves as is: /YYYY/MM/slug.html or /p/slug.html. Blogger's slugs
 * are tens of characters; a longer "address" gets a new one here (and answers as an old one), so
 * a permalink never grows to the megabytes a hostile backup can hold.
 */
const MAX_PATH_LENGTH = 1000;

export function bloggerPath(path: string): string | undefined {
  if (path.length > MAX_PATH_LENGTH) return undefined;
  return /^\/\d{4}\/(0[1-9]|1[0-2])\/[^/?#]+\.html$/.test(path) || /^\/p\/[^/?#]+\.html$/.test(path) ? path : undefined;
}

/** The path of an absolute or root-relative URL, %-decoded; undefined for anything else. */
export function urlPath(href: string): string | undefined {
  try {
    const url = new URL(href.trim(), 'http://placeholder.invalid');
    return decodeURI(url.pathname);
  } catch {
    return undefined;
  }
}

function person(node: XmlNode | undefined): ImportedPerson {
  if (!node) return { name: 'Anonymous' };
  return cleanPerson({
    name: childText(node, NS.atom, 'name'),
    email: childText(node, NS.atom, 'email'),
    url: childText(node, NS.atom, 'uri'),
  });
}

function textOf(node: XmlNode | undefined): string {
  if (!node) return '';
  // type="text" content is plain text; html (the default in exports) is markup.
  return node.text;
}

function htmlOf(node: XmlNode | undefined): string {
  if (!node) return '';
  const type = node.attrs.type ?? 'text';
  if (type === 'text') return node.text.trim() ? `<p>${escapeHtml(node.text.trim()).replace(/\n/g, '<br>')}</p>` : '';
  return node.text;
}

function plainTitle(node: XmlNode | undefined): string {
  if (!node) return '';
  const raw = textOf(node).trim();
  return node.attrs.type === 'html' ? commentHtmlToText(raw).replace(/\s+/g, ' ').trim() : raw.replace(/\s+/g, ' ');
}

/** The entry's type: from the kind category (classic export) or blogger:type (Takeout). */
function entryKind(entry: XmlNode): string {
  const kind = children(entry, NS.atom, 'category').find((c) => c.attrs.scheme === KIND_SCHEME)?.attrs.term;
  if (kind?.startsWith(KIND_PREFIX)) return kind.slice(KIND_PREFIX.length);
  const takeout = childText(entry, NS.blogger2018, 'type').toLowerCase();
  if (takeout) return takeout;
  // A public feed (/feeds/posts/default) has no kind at all: every entry there is a post.
  return 'post';
}

function alternateHref(entry: XmlNode): string | undefined {
  return children(entry, NS.atom, 'link').find((l) => l.attrs.rel === 'alternate' && l.attrs.href)?.attrs.href;
}

function labelsOf(entry: XmlNode, takeout: boolean): string[] {
  const names = children(entry, NS.atom, 'category')
    .filter((c) => c.attrs.scheme === LABEL_SCHEME || (takeout && c.attrs.scheme !== KIND_SCHEME))
    .map((c) => (c.attrs.term ?? '').trim())
    .filter(Boolean);
  return [...new Set(names)];
}

/** Blogger's comment ids look like post ids (blog-1.post-987); a parent given by number needs the blog part. */
function siblingId(id: string, number: string): string {
  const match = /^(.*\.post-)\d+$/.exec(id);
  // Everything up to the last dot, found with lastIndexOf: /[^.]+$/ rescans every dotless run.
  return match ? `${match[1]}${number}` : `${id.slice(0, id.lastIndexOf('.') + 1)}post-${number}`;
}

/**
 * One <entry> of a Blogger backup, in either format: the classic "Back up content" file (kind
 * categories, app:draft, thr:in-reply-to) or Takeout's feed.atom (blogger:type, blogger:status,
 * blogger:filename, blogger:parent). Settings and the template are reported as skipped.
 */
export function bloggerEntry(entry: XmlNode, now: Date): ImportItem {
  const sourceId = childText(entry, NS.atom, 'id');
  const kind = entryKind(entry);
  const title = plainTitle(child(entry, NS.atom, 'title'));
  const takeout = child(entry, NS.blogger2018, 'type') !== undefined;
  if (kind === 'settings') return { kind: 'skipped', what: 'Blogger setting', reason: "Blogger's settings are not imported; set the blog's own in Settings." };
  if (kind === 'template' || kind === 'layout') return { kind: 'skipped', what: 'Blogger template', reason: 'Templates are not imported; this blog has its own design.' };
  if (!sourceId) return { kind: 'skipped', what: 'entry', title, reason: 'It has no <id>, so it cannot be imported safely.' };

  const trashed = childText(entry, NS.blogger2018, 'trashed');
  const takeoutStatus = childText(entry, NS.blogger2018, 'status').toUpperCase();
  if (trashed || /TRASH|DELETED/.test(takeoutStatus)) {
    return { kind: 'skipped', what: kind, title, reason: "It was in Blogger's trash." };
  }
  const published = parseDate(childText(entry, NS.atom, 'published'));
  const updated = parseDate(childText(entry, NS.atom, 'updated')) ?? published;

  if (kind === 'comment') {
    const inReplyTo = child(entry, NS.thr, 'in-reply-to')?.attrs.ref ?? childText(entry, NS.blogger2018, 'parent');
    if (!inReplyTo) return { kind: 'skipped', what: 'comment', title, reason: 'It does not say which post it belongs to.' };
    // A reply names its parent comment in a rel="related" link: …/comments/default/PARENT_ID.
    const related = children(entry, NS.atom, 'link').find((l) => l.attrs.rel === 'related')?.attrs.href;
    const parentNumber = related?.match(/\/comments\/default\/(\d+)/)?.[1];
    const anchor = alternateHref(entry)?.match(/#(c\d+)$/)?.[1] ?? sourceId.match(/\.post-(\d+)$/)?.[1]?.replace(/^/, 'c');
    const text = commentHtmlToText(htmlOf(child(entry, NS.atom, 'content')));
    if (!text) return { kind: 'skipped', what: 'comment', title, reason: 'It is empty.' };
    const status = takeoutStatus === 'DRAFT' || takeoutStatus === 'PENDING' ? 'pending' : takeoutStatus === 'SPAM' ? 'spam' : 'published';
    return {
      kind: 'comment',
      sourceId,
      inReplyTo,
      parentSourceId: parentNumber ? siblingId(sourceId, parentNumber) : undefined,
      author: person(child(entry, NS.atom, 'author')),
      text,
      status,
      createdAt: published ?? updated ?? now,
      legacyAnchor: anchor,
    };
  }

  if (kind !== 'post' && kind !== 'page') {
    return { kind: 'skipped', what: `Blogger ${kind}`, title, reason: 'Only posts, pages and comments are imported.' };
  }
  const control = child(entry, NS.app, 'control');
  const draft = (control ? childText(control, NS.app, 'draft') : '').toLowerCase() === 'yes' || takeoutStatus === 'DRAFT';
  const filename = childText(entry, NS.blogger2018, 'filename');
  const href = alternateHref(entry);
  const original = filename ? (filename.startsWith('/') ? filename : urlPath(filename)) : href ? urlPath(href) : undefined;
  const path = original ? bloggerPath(original) : undefined;
  const status = draft ? 'draft' : takeoutStatus === 'SCHEDULED' || (published && published > now) ? 'scheduled' : 'published';
  return {
    kind: 'post',
    sourceId,
    type: kind,
    status,
    title,
    html: htmlOf(child(entry, NS.atom, 'content')),
    publishedAt: published ?? updated,
    updatedAt: updated ?? published,
    path: status === 'draft' ? undefined : path,
    oldPaths: original && !path && status !== 'draft' ? [original] : [],
    slug: path ? path.replace(/^.*\//, '').replace(/\.html$/, '') : undefined,
    labels: labelsOf(entry, takeout),
    author: person(child(entry, NS.atom, 'author')),
  };
}
