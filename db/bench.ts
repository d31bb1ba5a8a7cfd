import 'server-only';
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { migrationsFolder } from './migrate';

/**
 * The SQL of `npm run bench`'s generated blogs (scripts/bench/blog.ts makes them): written with
 * raw prepared statements in a few large transactions into a file of their own, because the app's
 * one-post-at-a-time functions would take an hour for a million comments; and the lookups the
 * bench needs in such a file.
 */

export const BENCH_WRITER_EMAIL_DOMAIN = 'writers.bench.invalid';

const POSTS_PER_TRANSACTION = 5_000;

export type BenchComment = {
  id: number;
  parentId: number | null;
  authorName: string;
  authorEmail: string | null;
  body: string;
  status: 'published' | 'pending' | 'spam';
  isPostAuthor: boolean;
  /** ms since the epoch, as the column stores it. */
  createdAt: number;
};

export type BenchPost = {
  id: number;
  title: string;
  slug: string;
  permalink: string;
  body: string;
  excerpt: string;
  /** The body's text, for the search index. */
  plain: string;
  publishedAt: number;
  /** 1-based positions in BenchBlog.labels. */
  labelIds: number[];
  comments: BenchComment[];
};

/** A generated blog (scripts/bench/blog.ts), its posts in publish order. */
export type BenchBlog = { labels: string[]; start: number; posts: Iterable<BenchPost> };

/**
 * Writes a generated blog to `file` (replacing it): one admin author without a password, the
 * settings row, labels, posts with their labels and the search index, comments, and an About
 * page. The rows are shaped exactly as the app writes them. The file is written beside its final
 * name and renamed when complete, so an interrupted run never leaves a half-written blog.
 */
export async function writeBenchBlog({ file, blog }: { file: string; blog: BenchBlog }): Promise<void> {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.partial`;
  const ftsFile = `${file}.fts.partial`;
  for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`, ftsFile, file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });

  const sqlite = new Database(tmp);
  // Nothing here needs to survive a crash: a broken seed is simply written again.
  sqlite.pragma('journal_mode = OFF');
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('cache_size = -1000000');
  sqlite.pragma('temp_store = MEMORY');
  migrate(drizzle(sqlite), { migrationsFolder });

  const { start } = blog;
  sqlite
    .prepare(`insert into settings (id, blog_title, blog_description) values (1, ?, ?)`)
    .run('Bench Blog', 'A generated blog for npm run bench.');
  const authorId = Number(
    sqlite
      .prepare(`insert into authors (name, slug, email, role, bio, created_at) values (?, ?, ?, 'admin', ?, ?)`)
      .run('Bench Writer', 'bench-writer', 'writer@bench.invalid', 'Writes the generated posts.', start).lastInsertRowid,
  );

  const insertLabel = sqlite.prepare(`insert into labels (id, name) values (?, ?)`);
  sqlite.transaction(() => blog.labels.forEach((name, i) => insertLabel.run(i + 1, name)))();

  const insertPost = sqlite.prepare(
    `insert into posts (id, type, title, slug, permalink, body, excerpt, status, published_at, created_at, updated_at, author_id)
     values (?, 'post', ?, ?, ?, ?, ?, 'published', ?, ?, ?, ?)`,
  );
  const insertPostLabel = sqlite.prepare(`insert into post_labels (post_id, label_id) values (?, ?)`);
  const ftsCreate = (sqlite.prepare(`select sql from sqlite_master where name = 'posts_fts'`).get() as { sql: string }).sql;
  const fts = startSearchIndexWorker(ftsFile, ftsCreate);
  const insertComment = sqlite.prepare(
    `insert into comments (id, post_id, parent_id, author_name, author_email, body, status, is_post_author, created_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );

  // Secondary indexes are built once at the end (a sort) instead of row by row (random B-tree
  // inserts), which is several times faster for a million rows; the SQL is the migrations' own.
  const indexes = sqlite
    .prepare(`select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in ('posts', 'post_labels', 'comments')`)
    .all() as { name: string; sql: string }[];
  for (const index of indexes) sqlite.exec(`drop index "${index.name}"`);
  const writeBatch = sqlite.transaction((batch: BenchPost[]) => {
    const ftsRows: FtsRow[] = [];
    for (const post of batch) {
      const { id, publishedAt } = post;
      insertPost.run(id, post.title, post.slug, post.permalink, post.body, post.excerpt, publishedAt, publishedAt, publishedAt, authorId);
      for (const labelId of post.labelIds) insertPostLabel.run(id, labelId);
      ftsRows.push([id, post.title, post.plain, post.labelIds.map((l) => blog.labels[l - 1]).join(' ')]);
      for (const c of post.comments) {
        insertComment.run(c.id, id, c.parentId, c.authorName, c.authorEmail, c.body, c.status, c.isPostAuthor ? 1 : 0, c.createdAt);
      }
    }
    fts.add(ftsRows);
  });
  let batch: BenchPost[] = [];
  for (const post of blog.posts) {
    batch.push(post);
    if (batch.length === POSTS_PER_TRANSACTION) {
      writeBatch(batch);
      batch = [];
    }
  }
  if (batch.length > 0) writeBatch(batch);

  for (const index of indexes) sqlite.exec(index.sql);
  await fts.done();
  // The search index was built in its own file on another thread; its shadow tables are plain
  // tables, copied here as they are. SQLite refuses writes to FTS5 shadow tables unless
  // defensive mode is off, so it is off for exactly these statements.
  sqlite.exec(`attach database '${ftsFile.replaceAll("'", "''")}' as fts`);
  sqlite.unsafeMode(true);
  for (const table of ['posts_fts_data', 'posts_fts_idx', 'posts_fts_content', 'posts_fts_docsize', 'posts_fts_config']) {
    sqlite.exec(`delete from main.${table}; insert into main.${table} select * from fts.${table};`);
  }
  sqlite.unsafeMode(false);
  sqlite.exec(`detach database fts`);
  rmSync(ftsFile, { force: true });
  // About page, so the Pages gadget has something, as on a real blog.
  sqlite
    .prepare(
      `insert into posts (type, title, slug, permalink, body, excerpt, status, published_at, created_at, updated_at, author_id)
       values ('page', 'About', 'about', '/p/about.html', '<p>About this blog.</p>', 'About this blog.', 'published', ?, ?, ?, ?)`,
    )
    .run(start, start, start, authorId);

  sqlite.pragma('journal_mode = WAL');
  sqlite.close();
  renameSync(tmp, file);
}

type FtsRow = [id: number, title: string, body: string, labels: string];

/**
 * Fills the search index on a second thread while the main one writes posts and comments:
 * FTS5 with prefix indexes is the slowest part of seeding, and it depends on nothing but the
 * text. The worker is plain JavaScript (no TypeScript loader in worker threads) using the same
 * better-sqlite3 and the migration's own CREATE VIRTUAL TABLE statement.
 */
function startSearchIndexWorker(file: string, createSql: string): { add: (rows: FtsRow[]) => void; done: () => Promise<void> } {
  const driver = createRequire(path.join(process.cwd(), 'package.json')).resolve('better-sqlite3');
  const worker = new Worker(
    `
    const { parentPort, workerData } = require('node:worker_threads');
    const Database = require(workerData.driver);
    const db = new Database(workerData.file);
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -500000');
    db.exec(workerData.createSql);
    const insert = db.prepare('insert into posts_fts (rowid, title, body, labels) values (?, ?, ?, ?)');
    const batch = db.transaction((rows) => { for (const r of rows) insert.run(r[0], r[1], r[2], r[3]); });
    parentPort.on('message', (rows) => {
      if (rows === null) { db.close(); parentPort.postMessage('done'); return; }
      batch(rows);
    });
    `,
    { eval: true, workerData: { file, createSql, driver } },
  );
  const finished = new Promise<void>((resolve, reject) => {
    worker.on('message', () => resolve());
    worker.on('error', reject);
    worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`search index worker exited with ${code}`))));
  });
  return {
    add: (rows) => worker.postMessage(rows),
    done: async () => {
      worker.postMessage(null);
      await finished;
      await worker.terminate();
    },
  };
}

export type BenchTargets = {
  /** A post with the blog's mean comment count and a typical body, for the post-page runs. */
  post: { id: number; permalink: string; comments: number };
  /** The label with the median number of posts. */
  label: { name: string; posts: number };
  /** The keyset for "page N" of the home listing: the publish time of the last post on page N-1. */
  pageBefore: string;
  pageNumber: number;
  postsPerPage: number;
  /** A word that occurs in a moderate share of posts, so search ranks real posting lists. */
  searchWord: string;
  searchHits: number;
  /** Posts the comment writers post to (recent ones, as readers mostly comment on new posts). */
  writerPostIds: number[];
};

/** Picks the URLs the bench loads, from what is really in the database. */
export function findBenchTargets(file: string, { pageNumber, searchWord }: { pageNumber: number; searchWord: string }): BenchTargets {
  const sqlite = new Database(file, { readonly: true });
  try {
    const counts = sqlite.prepare(`select count(*) as posts, (select count(*) from comments) as comments from posts where type = 'post'`).get() as {
      posts: number;
      comments: number;
    };
    const mean = Math.round(counts.comments / Math.max(1, counts.posts));
    const post = (sqlite
      .prepare(
        `select p.id, p.permalink, count(c.id) as comments from posts p join comments c on c.post_id = p.id and c.status = 'published'
         where p.type = 'post' and p.id in (select id from posts where type = 'post' order by published_at desc limit 2000)
           and length(p.body) between 1400 and 1700
         group by p.id order by abs(count(c.id) - ?), p.published_at desc limit 1`,
      )
      .get(mean) ??
      sqlite.prepare(`select id, permalink, 0 as comments from posts where type = 'post' order by published_at desc limit 1`).get()) as BenchTargets['post'];
    const labels = sqlite
      .prepare(`select l.name, count(*) as posts from labels l join post_labels pl on pl.label_id = l.id group by l.id order by posts, l.name`)
      .all() as BenchTargets['label'][];
    const label = labels[Math.floor(labels.length / 2)]!;
    const postsPerPage = (sqlite.prepare(`select posts_per_page as n from settings where id = 1`).get() as { n: number } | undefined)?.n ?? 10;
    const offset = Math.min(Math.max(0, (pageNumber - 1) * postsPerPage - 1), Math.max(0, counts.posts - 1));
    const before = sqlite
      .prepare(`select published_at as at from posts where type = 'post' and status = 'published' order by published_at desc limit 1 offset ?`)
      .get(offset) as { at: number };
    const hits = (sqlite.prepare(`select count(*) as n from posts_fts where posts_fts match ?`).get(searchWord) as { n: number }).n;
    const writerPostIds = (
      sqlite.prepare(`select id from posts where type = 'post' and comment_policy != 'closed' order by published_at desc limit 200`).all() as { id: number }[]
    ).map((r) => r.id);
    return {
      post,
      label,
      pageBefore: new Date(before.at).toISOString(),
      pageNumber,
      postsPerPage,
      searchWord,
      searchHits: hits,
      writerPostIds,
    };
  } finally {
    sqlite.close();
  }
}

/** Every published post's address, newest first, for the bench's miss crawl to pick old posts from. */
export function listBenchPostPermalinks(file: string): string[] {
  const sqlite = new Database(file, { readonly: true });
  try {
    return (
      sqlite.prepare(`select permalink from posts where type = 'post' and status = 'published' order by published_at desc, id desc`).all() as { permalink: string }[]
    ).map((r) => r.permalink);
  } finally {
    sqlite.close();
  }
}

/**
 * How many of the comments the writers sent are stored, by submission key: each acknowledged
 * key must be there exactly once.
 */
export function countStoredBenchComments(
  file: string,
  keys: string[],
): { stored: number; duplicates: number; missing: number; writerRows: number } {
  const sqlite = new Database(file, { readonly: true });
  try {
    const find = sqlite.prepare(`select count(*) as n from comments where submission_key = ?`);
    let stored = 0;
    let duplicates = 0;
    let missing = 0;
    for (const key of keys) {
      const n = (find.get(key) as { n: number }).n;
      if (n === 0) missing++;
      else stored++;
      if (n > 1) duplicates++;
    }
    // Every row the writers left, acknowledged or not: more rows than acknowledged keys would mean
    // a comment stored without its writer hearing so.
    const writerRows = (
      sqlite.prepare(`select count(*) as n from comments where author_email like ?`).get(`%@${BENCH_WRITER_EMAIL_DOMAIN}`) as { n: number }
    ).n;
    return { stored, duplicates, missing, writerRows };
  } finally {
    sqlite.close();
  }
}

/** Removes the writers' comments, so the seeded blog can be reused by the next run unchanged. */
export function deleteBenchWriterComments(file: string): number {
  const sqlite = new Database(file);
  try {
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('foreign_keys = ON');
    return sqlite.prepare(`delete from comments where author_email like ?`).run(`%@${BENCH_WRITER_EMAIL_DOMAIN}`).changes;
  } finally {
    sqlite.close();
  }
}
