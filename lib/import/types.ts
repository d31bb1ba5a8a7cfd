/** What the backup readers produce: one item per post, page, comment or skipped entry. */

export type ImportFormat = 'blogger' | 'blogger-takeout' | 'wordpress';

export type ImportedPerson = {
  name: string;
  /** Only a real address; Blogger's noreply@blogger.com is dropped. */
  email?: string;
  url?: string;
};

export type ImportedPost = {
  kind: 'post';
  /** The entry's id in the backup: importing the same file again skips it. */
  sourceId: string;
  type: 'post' | 'page';
  status: 'published' | 'draft' | 'scheduled';
  title: string;
  /** As found in the file; sanitised before it is stored. */
  html: string;
  publishedAt?: Date;
  updatedAt?: Date;
  /** A Blogger-shaped address (/YYYY/MM/slug.html or /p/slug.html) served exactly as it was. */
  path?: string;
  /** Any other address the post had (WordPress's /2012/02/name/, /?p=12): each answers with a 301. */
  oldPaths: string[];
  /** The slug to build a new address from when there is no Blogger path. */
  slug?: string;
  labels: string[];
  author: ImportedPerson;
};

export type ImportedComment = {
  kind: 'comment';
  sourceId: string;
  /** The post (or, for a reply in some formats, the comment) this one answers. */
  inReplyTo: string;
  /** The comment this one replies to, when the format says so separately. */
  parentSourceId?: string;
  author: ImportedPerson;
  /** Plain text: comments are never stored as HTML. */
  text: string;
  status: 'published' | 'pending' | 'spam';
  createdAt: Date;
  /** The element id the comment had on the old blog (c123… on Blogger, comment-12 on WordPress). */
  legacyAnchor?: string;
};

/** An old label address (WordPress's /category/news) that should land on a label here. */
export type ImportedLabelAlias = { kind: 'label-alias'; fromPath: string; label: string };

export type SkippedEntry = { kind: 'skipped'; what: string; title?: string; reason: string };

export type ImportItem = ImportedPost | ImportedComment | ImportedLabelAlias | SkippedEntry;

/** A problem with the file itself: shown to the author as is, with an HTTP 4xx. */
export class ImportError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 413 | 415 | 422 = 422,
  ) {
    super(message);
  }
}
