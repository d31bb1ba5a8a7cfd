import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
  type AnySQLiteColumn,
} from 'drizzle-orm/sqlite-core';
import type { GadgetId } from '@/lib/reading/gadgets';
import type { LabelsGadget } from '@/lib/reading/labels-gadget';
import type { PopularGadget } from '@/lib/reading/popular-gadget';

const createdAt = () =>
  integer('created_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

export const authors = sqliteTable(
  'authors',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    // The author page is /author/SLUG; set when the author is created.
    slug: text('slug'),
    // Stored lower-cased so "Ann@Example.com" and "ann@example.com" are one author.
    email: text('email').notNull(),
    // Null for authors who cannot sign in (demo content, imported writers).
    passwordHash: text('password_hash'),
    role: text('role', { enum: ['admin', 'author'] }).notNull().default('author'),
    bio: text('bio').notNull().default(''),
    // Bumped on sign-out, password change and disabling: sessions carrying an older number stop working.
    sessionVersion: integer('session_version').notNull().default(0),
    // Set by an admin: the author cannot sign in and has no session, but their posts stay published.
    disabledAt: integer('disabled_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('authors_email_unique').on(t.email), uniqueIndex('authors_slug_unique').on(t.slug)],
);

export const posts = sqliteTable(
  'posts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    type: text('type', { enum: ['post', 'page'] }).notNull().default('post'),
    title: text('title').notNull(),
    slug: text('slug').notNull(),
    // Blogger freezes a post's URL at first publish; null until then.
    permalink: text('permalink'),
    body: text('body').notNull(),
    excerpt: text('excerpt').notNull().default(''),
    // The author's own summary for search engines and share cards; the excerpt is used when empty.
    searchDescription: text('search_description').notNull().default(''),
    // An uploaded image (/media/…) used for the share card; empty for a generated card.
    coverImage: text('cover_image').notNull().default(''),
    status: text('status', { enum: ['draft', 'scheduled', 'published'] }).notNull().default('draft'),
    publishedAt: integer('published_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
    authorId: integer('author_id')
      .notNull()
      .references(() => authors.id, { onDelete: 'restrict' }),
    // Per-post override of the blog's comment moderation, or 'closed' for no new comments.
    commentPolicy: text('comment_policy', { enum: ['inherit', 'always', 'never', 'closed'] })
      .notNull()
      .default('inherit'),
    // Where an imported post came from (its id in the backup), so importing the same file twice adds nothing.
    sourceId: text('source_id'),
    // Published comments, kept by triggers on comments (migration 0017) for the Popular Posts gadget:
    // counting them per render took 1–2 s on a blog with a million comments, after every new one.
    publishedComments: integer('published_comments').notNull().default(0),
  },
  (t) => [
    uniqueIndex('posts_permalink_unique').on(t.permalink),
    uniqueIndex('posts_source_unique').on(t.sourceId),
    // Home page, archives and feeds: newest visible posts first.
    index('posts_listing_idx').on(t.type, t.status, t.publishedAt),
    // The same, for what readers can see only: one range in publish order (with the id as tie-break),
    // so "the newest 10" never sorts the whole archive (an IN on status in the index above does).
    index('posts_visible_idx')
      .on(t.type, t.publishedAt)
      .where(sql`${t.status} in ('published', 'scheduled')`),
    // Popular Posts by comments: the most commented visible posts, read in order.
    index('posts_popular_idx')
      .on(t.type, t.publishedComments, t.publishedAt)
      .where(sql`${t.status} in ('published', 'scheduled')`),
    index('posts_author_idx').on(t.authorId, t.updatedAt),
    index('posts_updated_idx').on(t.updatedAt),
  ],
);

export const labels = sqliteTable(
  'labels',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    // Blogger labels are exact text and case-sensitive: "News" and "news" are two labels.
    name: text('name').notNull(),
  },
  (t) => [uniqueIndex('labels_name_unique').on(t.name)],
);

export const postLabels = sqliteTable(
  'post_labels',
  {
    postId: integer('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    labelId: integer('label_id')
      .notNull()
      .references(() => labels.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.postId, t.labelId] }), index('post_labels_label_idx').on(t.labelId, t.postId)],
);

export const comments = sqliteTable(
  'comments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    postId: integer('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    parentId: integer('parent_id').references((): AnySQLiteColumn => comments.id, { onDelete: 'cascade' }),
    authorName: text('author_name').notNull(),
    authorEmail: text('author_email'),
    authorUrl: text('author_url'),
    body: text('body').notNull(),
    status: text('status', { enum: ['pending', 'published', 'spam'] }).notNull().default('published'),
    isPostAuthor: integer('is_post_author', { mode: 'boolean' }).notNull().default(false),
    // HMAC of the writer's IP with the blog's secret: enough for flood control, never the IP itself.
    ipHash: text('ip_hash'),
    // A random key per comment form; sending the same form twice stores one comment.
    submissionKey: text('submission_key'),
    // An imported comment's id in its backup (re-imports add nothing twice) and its old page anchor
    // (Blogger's #c123…, WordPress's #comment-12), kept so old links to a comment still land on it.
    sourceId: text('source_id'),
    legacyAnchor: text('legacy_anchor'),
    // Ticked "Email me replies": replies in this comment's thread are mailed to its email, once published.
    notifyReplies: integer('notify_replies', { mode: 'boolean' }).notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    index('comments_post_idx').on(t.postId, t.status, t.createdAt),
    index('comments_status_idx').on(t.status, t.createdAt),
    index('comments_parent_idx').on(t.parentId),
    index('comments_ip_idx').on(t.ipHash, t.createdAt),
    index('comments_email_idx').on(t.authorEmail, t.createdAt),
    uniqueIndex('comments_submission_unique').on(t.submissionKey),
    uniqueIndex('comments_source_unique').on(t.sourceId),
  ],
);

/** Failed sign-ins per client (by IP hash), kept in the database so a restart does not reset them. */
export const loginAttempts = sqliteTable('login_attempts', {
  ipHash: text('ip_hash').primaryKey(),
  failures: integer('failures').notNull().default(0),
  lastFailureAt: integer('last_failure_at', { mode: 'timestamp_ms' }).notNull(),
  lockedUntil: integer('locked_until', { mode: 'timestamp_ms' }),
});

/**
 * One-time links to set a password (an admin's "password link" today, "Forgot your password?" by
 * email later). Only a hash of the token is kept, so a copy of the database opens no account.
 */
export const passwordResetTokens = sqliteTable(
  'password_reset_tokens',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    authorId: integer('author_id')
      .notNull()
      .references(() => authors.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    usedAt: integer('used_at', { mode: 'timestamp_ms' }),
  },
  (t) => [uniqueIndex('password_reset_tokens_hash_unique').on(t.tokenHash), index('password_reset_tokens_author_idx').on(t.authorId)],
);

/** Uploaded images: stored under the data folder by content hash, resized to responsive widths. */
export const media = sqliteTable(
  'media',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    hash: text('hash').notNull(),
    filename: text('filename').notNull(),
    format: text('format', { enum: ['jpeg', 'png', 'gif', 'webp', 'avif'] }).notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    bytes: integer('bytes').notNull(),
    // Widths stored as WebP beside the original, for srcset.
    variants: text('variants', { mode: 'json' }).$type<number[]>().notNull(),
    uploadedBy: integer('uploaded_by').references(() => authors.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('media_hash_unique').on(t.hash), index('media_created_idx').on(t.createdAt)],
);

/** Old addresses of posts whose permalink was changed after publishing: they answer with a 301. */
export const redirects = sqliteTable('redirects', {
  fromPath: text('from_path').primaryKey(),
  postId: integer('post_id')
    .notNull()
    .references(() => posts.id, { onDelete: 'cascade' }),
  createdAt: createdAt(),
});

/** Old label addresses from an imported blog (WordPress's /category/news): a 301 to the label's page. */
export const labelRedirects = sqliteTable('label_redirects', {
  fromPath: text('from_path').primaryKey(),
  labelId: integer('label_id')
    .notNull()
    .references(() => labels.id, { onDelete: 'cascade' }),
});

/** Every import run with its report, so an author can see what came in, what was skipped and why. */
export const imports = sqliteTable(
  'imports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    fileName: text('file_name').notNull(),
    format: text('format').notNull(),
    dryRun: integer('dry_run', { mode: 'boolean' }).notNull(),
    status: text('status', { enum: ['done', 'failed'] }).notNull(),
    report: text('report', { mode: 'json' }).$type<unknown>().notNull(),
    authorId: integer('author_id').references(() => authors.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('imports_created_idx').on(t.createdAt)],
);

/**
 * One row whose number goes up on every change readers could see (triggers on posts, comments,
 * labels, authors and settings, in migration 0010), so cached reader data knows it is stale
 * whoever wrote: the server, the import command or another process.
 */
export const contentVersion = sqliteTable(
  'content_version',
  {
    id: integer('id').primaryKey().default(1),
    version: integer('version').notNull().default(0),
  },
  (t) => [check('content_version_single_row', sql`${t.id} = 1`)],
);

/** Every save of a post keeps what it said, so any two can be compared and one restored. */
export const revisions = sqliteTable(
  'revisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    postId: integer('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    body: text('body').notNull(),
    labels: text('labels').notNull().default(''),
    authorId: integer('author_id').references(() => authors.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('revisions_post_idx').on(t.postId, t.id)],
);

/** People who follow the blog by email (the Follow by Email gadget): double opt-in, one row per address. */
export const followers = sqliteTable(
  'followers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    // Stored lower-cased, so one address follows once.
    email: text('email').notNull(),
    status: text('status', { enum: ['pending', 'confirmed', 'unsubscribed'] }).notNull().default('pending'),
    createdAt: createdAt(),
    // Subscribing again re-sends the confirmation at most once an hour.
    confirmationSentAt: integer('confirmation_sent_at', { mode: 'timestamp_ms' }),
    confirmedAt: integer('confirmed_at', { mode: 'timestamp_ms' }),
    unsubscribedAt: integer('unsubscribed_at', { mode: 'timestamp_ms' }),
  },
  (t) => [uniqueIndex('followers_email_unique').on(t.email), index('followers_status_idx').on(t.status, t.id)],
);

/**
 * Every message the blog sends is a row here first; a background sender in the server sends it,
 * retries temporary failures with backoff and records the SMTP server's answer. Messages about a
 * comment, reply or post are written out when first claimed (rendered content and Message-ID kept,
 * so a retry sends the same message); others are written out when queued.
 */
export const mailOutbox = sqliteTable(
  'mail_outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: ['comment', 'reply', 'post', 'follow-confirm', 'password-reset', 'test'] }).notNull(),
    toAddress: text('to_address').notNull(),
    commentId: integer('comment_id').references(() => comments.id, { onDelete: 'cascade' }),
    postId: integer('post_id').references(() => posts.id, { onDelete: 'cascade' }),
    followerId: integer('follower_id').references(() => followers.id, { onDelete: 'cascade' }),
    // Lower goes first: a password reset does not wait behind a thousand followers' copies of a post.
    priority: integer('priority').notNull().default(1),
    // Set once per message (never twice for the same event), e.g. "reply:12:ann@example.com".
    dedupeKey: text('dedupe_key'),
    subject: text('subject'),
    textBody: text('text_body'),
    htmlBody: text('html_body'),
    extraHeaders: text('extra_headers', { mode: 'json' }).$type<Record<string, string>>(),
    messageId: text('message_id'),
    status: text('status', { enum: ['waiting', 'sent', 'failed'] }).notNull().default('waiting'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
    // A sender that claimed the message holds it until then; past it, another may take it over.
    leaseUntil: integer('lease_until', { mode: 'timestamp_ms' }),
    // The SMTP server's last answer: its acceptance, or why it refused.
    lastResponse: text('last_response'),
    createdAt: createdAt(),
    sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    index('mail_outbox_due_idx').on(t.status, t.priority, t.nextAttemptAt, t.id),
    index('mail_outbox_created_idx').on(t.createdAt),
    uniqueIndex('mail_outbox_dedupe_unique').on(t.dedupeKey),
  ],
);

/**
 * Posts to mail to followers, one row per post, written when it is first published or scheduled.
 * The sender queues a copy per confirmed follower once the post is visible, and marks the row sent,
 * so a post edited, unpublished and published again is never mailed twice. Posts published before
 * this table existed, and imported ones, have no row and are never mailed.
 */
export const postMailings = sqliteTable('post_mailings', {
  postId: integer('post_id')
    .primaryKey()
    .references(() => posts.id, { onDelete: 'cascade' }),
  state: text('state', { enum: ['waiting', 'queued'] }).notNull().default('waiting'),
  createdAt: createdAt(),
  queuedAt: integer('queued_at', { mode: 'timestamp_ms' }),
  recipients: integer('recipients'),
});

export const settings = sqliteTable(
  'settings',
  {
    // A single row: the blog's own settings.
    id: integer('id').primaryKey().default(1),
    blogTitle: text('blog_title').notNull().default('My Blog'),
    blogDescription: text('blog_description').notNull().default(''),
    // Sanitised HTML shown under the header; empty hides the slot.
    headerAdsHtml: text('header_ads_html').notNull().default(''),
    postsPerPage: integer('posts_per_page').notNull().default(10),
    // IANA zone used for dates on the page and for /YYYY/MM/ in new permalinks.
    timezone: text('timezone').notNull().default('UTC'),
    // Comment moderation: hold every comment, only on posts older than N days, or none.
    commentModeration: text('comment_moderation', { enum: ['always', 'older', 'never'] })
      .notNull()
      .default('never'),
    moderateAfterDays: integer('moderate_after_days').notNull().default(14),
    // A commenter whose email already has an approved comment skips the hold.
    trustApprovedCommenters: integer('trust_approved_commenters', { mode: 'boolean' }).notNull().default(true),
    // One word or phrase per line; a comment containing any of them goes to spam.
    blockedWords: text('blocked_words').notNull().default(''),
    // Comma-separated addresses told about new comments (through the outbox).
    notifyEmails: text('notify_emails').notNull().default(''),
    // Sidebar gadgets in display order, as on Blogger's Layout page (ids from lib/reading/gadgets.ts).
    gadgets: text('gadgets', { mode: 'json' })
      .$type<GadgetId[]>()
      .notNull()
      .default(sql`'["search","profile","popular","archive","labels","pages","subscribe","attribution"]'`),
    // The Labels gadget's options (lib/reading/labels-gadget.ts): which labels, order, list or cloud, counts, cap.
    labelsGadget: text('labels_gadget', { mode: 'json' })
      .$type<LabelsGadget>()
      .notNull()
      .default(sql`'{"show":"all","selected":[],"sort":"name","display":"list","showCounts":true,"limit":30}'`),
    // The Popular Posts gadget's options (lib/popular-gadget.ts): ranked by views or comments, over which period, how many.
    popularGadget: text('popular_gadget', { mode: 'json' })
      .$type<PopularGadget>()
      .notNull()
      .default(sql`'{"rankBy":"views","period":"30d","count":5}'`),
  },
  (t) => [check('settings_single_row', sql`${t.id} = 1`)],
);

/*
 * Stats (lib/stats.ts). Only counts per day are kept; a day is a whole number of days since
 * 1970-01-01 in the blog's time zone, the smallest key SQLite can store. Nothing here names a
 * reader except stats_visitors, whose hashes are keyed with a secret that lives in memory for
 * one day only and whose rows are deleted when the day is over.
 */
export const statsDays = sqliteTable('stats_days', {
  day: integer('day').primaryKey(),
  // Page views of every reader page (posts, pages, home, labels, archives, search).
  views: integer('views').notNull().default(0),
  visitors: integer('visitors').notNull().default(0),
});

export const statsPostDays = sqliteTable(
  'stats_post_days',
  {
    day: integer('day').notNull(),
    // No foreign key: a deleted post's views still count in the day's totals.
    postId: integer('post_id').notNull(),
    views: integer('views').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.postId] })],
);

/** All-time views per post, kept beside the days so Admin → Posts and all-time rankings read one row per post. */
export const statsPostTotals = sqliteTable('stats_post_totals', {
  postId: integer('post_id').primaryKey(),
  views: integer('views').notNull().default(0),
});

export const statsReferrerDays = sqliteTable(
  'stats_referrer_days',
  {
    day: integer('day').notNull(),
    // The referring site's host name, lower case, without "www."; never the path.
    domain: text('domain').notNull(),
    views: integer('views').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.domain] })],
);

export const statsAgentDays = sqliteTable(
  'stats_agent_days',
  {
    day: integer('day').notNull(),
    kind: text('kind', { enum: ['browser', 'os'] }).notNull(),
    // A family ("Firefox", "Android"), never the version or the user agent itself.
    name: text('name').notNull(),
    views: integer('views').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.kind, t.name] })],
);

export const statsFeedDays = sqliteTable(
  'stats_feed_days',
  {
    day: integer('day').notNull(),
    // The reader application its user agent names ("Feedly", "NetNewsWire"), or "Other".
    reader: text('reader').notNull(),
    fetches: integer('fetches').notNull().default(0),
    // The largest subscriber count the reader reported that day (hosted readers say "42 subscribers").
    subscribers: integer('subscribers').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.reader] })],
);

/** Today's visitors, as keyed hashes: only to count each once; deleted when the day is over. */
export const statsVisitors = sqliteTable(
  'stats_visitors',
  {
    day: integer('day').notNull(),
    hash: integer('hash').notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.hash] })],
);

/** The Popular Posts ranking last shown, so a flush that changes it can make cached pages show the new one. */
export const statsState = sqliteTable(
  'stats_state',
  {
    id: integer('id').primaryKey().default(1),
    popular: text('popular').notNull().default(''),
  },
  (t) => [check('stats_state_single_row', sql`${t.id} = 1`)],
);

export type Author = typeof authors.$inferSelect;
export type NewAuthor = typeof authors.$inferInsert;
export type Post = typeof posts.$inferSelect;
export type NewPost = typeof posts.$inferInsert;
export type Label = typeof labels.$inferSelect;
export type Comment = typeof comments.$inferSelect;
export type NewComment = typeof comments.$inferInsert;
export type Settings = typeof settings.$inferSelect;
export type MailMessage = typeof mailOutbox.$inferSelect;
export type Follower = typeof followers.$inferSelect;
export type Revision = typeof revisions.$inferSelect;
export type Media = typeof media.$inferSelect;
export type ImportRun = typeof imports.$inferSelect;
export type PasswordResetToken = typeof passwordResetTokens.$inferSelect;
