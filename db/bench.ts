import 'server-only';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { MORE_MARKER } from '@/lib/content';
import { migrationsFolder } from './migrate';

/**
 * Generated blogs for `npm run bench`. Everything here writes with raw prepared statements in a
 * few large transactions, because going through the app's one-post-at-a-time functions would
 * take an hour for a million comments; the rows are shaped exactly as the app writes them.
 */

export type BenchBlogShape = {
  posts: number;
  comments: number;
  labels: number;
  years: number;
  /** Bumped when the generator changes, so an older seeded file is not reused by mistake. */
  generator: number;
};

export const BENCH_GENERATOR_VERSION = 1;
export const BENCH_WRITER_EMAIL_DOMAIN = 'writers.bench.invalid';

const DAY = 86_400_000;
const POSTS_PER_TRANSACTION = 5_000;

/** A small deterministic PRNG (mulberry32), so the same shape always gives the same blog. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMMON = (
  'the of and to in is that it was for on with as his they be at one have this from by hot word but what some we can out ' +
  'other were all there when up use your how said an each she which do their time if will way about many then them write ' +
  'would like so these her long make thing see him two has look more day could go come did number sound no most people my ' +
  'over know water than call first who may down side been now find'
).split(' ');
const TOPICAL = (
  'garden kitchen bread sourdough tomato harvest winter spring autumn summer mountain river bicycle railway station ' +
  'library notebook pencil camera lens shutter portrait landscape village harbour lighthouse ferry island coast cliff ' +
  'forest meadow orchard apple pear cherry walnut chestnut honey beehive market festival concert violin piano guitar ' +
  'choir theatre novel poem chapter letter postcard stamp museum gallery painting sculpture ceramic pottery glaze kiln ' +
  'loom wool knitting quilt embroidery carpentry chisel workshop bench timber oak maple birch willow pine cedar compost ' +
  'seedling greenhouse trellis pruning grafting recipe soup stew pastry butter cheese yoghurt coffee tea kettle teapot ' +
  'telescope planet comet eclipse meteor astronomy weather storm thunder rainbow fog frost snowfall glacier volcano ' +
  'canoe kayak sailing anchor compass map atlas journey pilgrimage hostel campfire tent lantern trail summit valley ' +
  'printing typewriter manuscript archive census genealogy ancestor parish chapel cathedral abbey castle bridge tunnel ' +
  'engine locomotive tram canal lock barge windmill watermill forge anvil blacksmith saddle stable orchard vineyard ' +
  'cellar vintage cider brewing yeast fermentation pickle jam marmalade preserve larder pantry allotment scarecrow'
).split(' ');
/** The generator's topical words, most frequent first: what the bench's new searches look for. */
export const BENCH_TOPICAL_WORDS: readonly string[] = TOPICAL;
const FIRST = 'Anna Ben Clara David Elena Farid Grace Hugo Ines Jonas Kiri Luca Maya Nils Olga Pedro Quinn Rosa Sam Tove Uma Viktor Wen Ximena Yusuf Zoe'.split(' ');
const LAST = 'Adams Berg Costa Dubois Eriksen Fischer Garcia Haas Ito Jensen Kowalski Lopez Moreau Novak Okafor Petrov Quint Rossi Silva Tanaka Underhill Varga Weber Young Zimmer'.split(' ');

/** Syllable words make a long tail of rare terms, so FTS posting lists have a realistic spread. */
function makeVocabulary(rand: () => number): string[] {
  const onsets = 'b c d f g h k l m n p r s t v w br cr dr fl gr pl st tr'.split(' ');
  const vowels = 'a e i o u ai ea io ou'.split(' ');
  const codas = ['', '', 'n', 'r', 's', 't', 'l', 'nd', 'rk', 'st'];
  const words = new Set<string>([...TOPICAL]);
  while (words.size < 4_000) {
    const syllables = 2 + Math.floor(rand() * 2);
    let w = '';
    for (let i = 0; i < syllables; i++) {
      w += onsets[Math.floor(rand() * onsets.length)]! + vowels[Math.floor(rand() * vowels.length)]!;
    }
    words.add(w + codas[Math.floor(rand() * codas.length)]!);
  }
  return [...words];
}

/** A pool in which each word appears in proportion to a Zipf weight: one uniform pick is one Zipf draw. */
function makeWordPool(vocabulary: string[]): string[] {
  const pool: string[] = [];
  for (const w of COMMON) for (let i = 0; i < 40; i++) pool.push(w);
  vocabulary.forEach((w, rank) => {
    const copies = Math.max(1, Math.round(400 / (rank + 1) ** 0.8));
    for (let i = 0; i < copies; i++) pool.push(w);
  });
  return pool;
}

class TextMaker {
  constructor(
    private readonly rand: () => number,
    private readonly pool: string[],
  ) {}

  word(): string {
    return this.pool[Math.floor(this.rand() * this.pool.length)]!;
  }

  sentence(minWords: number, maxWords: number): string {
    const n = minWords + Math.floor(this.rand() * (maxWords - minWords + 1));
    const words: string[] = [];
    for (let i = 0; i < n; i++) words.push(this.word());
    const first = words[0]!;
    words[0] = first[0]!.toUpperCase() + first.slice(1);
    return `${words.join(' ')}${this.rand() < 0.1 ? '?' : '.'}`;
  }

  /** Paragraphs of sentences until the text reaches `chars`. */
  paragraphs(chars: number): string[] {
    const out: string[] = [];
    let total = 0;
    while (total < chars) {
      const sentences: string[] = [];
      const count = 2 + Math.floor(this.rand() * 4);
      for (let i = 0; i < count && total < chars; i++) {
        const s = this.sentence(6, 18);
        sentences.push(s);
        total += s.length + 1;
      }
      out.push(sentences.join(' '));
    }
    return out;
  }
}

function slugWords(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

function excerptOf(text: string, maxLength = 280): string {
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > maxLength * 0.6 ? cut.slice(0, lastSpace) : cut).replace(/[\s.,;:!?-]+$/, '')}…`;
}

function shapeFile(file: string): string {
  return `${file}.json`;
}

/** True when `file` was seeded completely with exactly this shape. */
export function benchBlogMatches(file: string, shape: BenchBlogShape): boolean {
  if (!existsSync(file) || !existsSync(shapeFile(file))) return false;
  try {
    const stored = JSON.parse(readFileSync(shapeFile(file), 'utf8')) as BenchBlogShape;
    return (Object.keys(shape) as (keyof BenchBlogShape)[]).every((k) => stored[k] === shape[k]);
  } catch {
    return false;
  }
}

/**
 * Writes a generated blog of `shape` to `file` (replacing it): one admin author without a
 * password, the settings row, labels, posts with 1–3 labels each and the search index, and
 * comments (some replies, a few pending or spam). Published times spread over `years` and end
 * an hour ago. The file is written beside its final name and renamed when complete, so an
 * interrupted run never leaves a half-seeded blog that looks reusable.
 */
export async function seedBenchBlog({ file, shape, now = new Date() }: { file: string; shape: BenchBlogShape; now?: Date }): Promise<void> {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.partial`;
  const ftsFile = `${file}.fts.partial`;
  for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`, ftsFile, file, `${file}-wal`, `${file}-shm`, shapeFile(file)]) rmSync(f, { force: true });

  const sqlite = new Database(tmp);
  // Nothing here needs to survive a crash: a broken seed is simply written again.
  sqlite.pragma('journal_mode = OFF');
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('cache_size = -1000000');
  sqlite.pragma('temp_store = MEMORY');
  migrate(drizzle(sqlite), { migrationsFolder });

  const rand = random(0x5eed + shape.posts);
  const text = new TextMaker(rand, makeWordPool(makeVocabulary(rand)));
  const end = now.getTime() - 60 * 60 * 1000;
  const start = end - shape.years * 365.25 * DAY;

  sqlite
    .prepare(`insert into settings (id, blog_title, blog_description) values (1, ?, ?)`)
    .run('Bench Blog', 'A generated blog for npm run bench.');
  const authorId = Number(
    sqlite
      .prepare(`insert into authors (name, slug, email, role, bio, created_at) values (?, ?, ?, 'admin', ?, ?)`)
      .run('Bench Writer', 'bench-writer', 'writer@bench.invalid', 'Writes the generated posts.', start).lastInsertRowid,
  );

  const labelNames: string[] = [];
  const seenLabels = new Set<string>();
  while (labelNames.length < shape.labels) {
    const words = 1 + Math.floor(rand() * 2);
    let name = '';
    for (let i = 0; i < words; i++) {
      const w = TOPICAL[Math.floor(rand() * TOPICAL.length)]!;
      name += (i ? ' ' : '') + w[0]!.toUpperCase() + w.slice(1);
    }
    if (seenLabels.has(name)) name = `${name} ${labelNames.length}`;
    seenLabels.add(name);
    labelNames.push(name);
  }
  const insertLabel = sqlite.prepare(`insert into labels (id, name) values (?, ?)`);
  sqlite.transaction(() => labelNames.forEach((name, i) => insertLabel.run(i + 1, name)))();

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

  // Comments per post follow an exponential spread around the mean (most posts have a few, some
  // many); the total is then trimmed or topped up to exactly `shape.comments`.
  const mean = shape.comments / Math.max(1, shape.posts);
  const perPost = new Int32Array(shape.posts);
  let assigned = 0;
  for (let i = 0; i < shape.posts; i++) {
    perPost[i] = Math.floor(-Math.log(1 - rand()) * mean);
    assigned += perPost[i]!;
  }
  for (let i = 0; assigned !== shape.comments; i = (i + 1) % Math.max(1, shape.posts)) {
    if (assigned < shape.comments) {
      perPost[i]!++;
      assigned++;
    } else if (perPost[i]! > 0) {
      perPost[i]!--;
      assigned--;
    }
  }

  // Secondary indexes are built once at the end (a sort) instead of row by row (random B-tree
  // inserts), which is several times faster for a million rows; the SQL is the migrations' own.
  const indexes = sqlite
    .prepare(`select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in ('posts', 'post_labels', 'comments')`)
    .all() as { name: string; sql: string }[];
  for (const index of indexes) sqlite.exec(`drop index "${index.name}"`);
  const permalinks = new Set<string>();
  let commentId = 0;
  const step = (end - start) / Math.max(1, shape.posts);
  const writeBatch = sqlite.transaction((from: number, to: number) => {
    const ftsRows: FtsRow[] = [];
    for (let i = from; i < to; i++) {
      const id = i + 1;
      const publishedAt = Math.round(start + step * i + rand() * step * 0.9);
      const title = text.sentence(3, 8).replace(/[.?]$/, '');
      const slug = slugWords(title) || `post-${id}`;
      const d = new Date(publishedAt);
      const base = `/${d.getUTCFullYear()}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${slug}`;
      let permalink = `${base}.html`;
      for (let n = 1; permalinks.has(permalink); n++) permalink = `${base}_${n}.html`;
      permalinks.add(permalink);

      const paragraphs = text.paragraphs(1000 + Math.floor(rand() * 1000));
      const withBreak = rand() < 0.5 && paragraphs.length > 1;
      const body = paragraphs.map((p, n) => `${n === 1 && withBreak ? MORE_MARKER : ''}<p>${p}</p>`).join('\n');
      const plain = paragraphs.join('\n\n');
      insertPost.run(id, title, slug, permalink, body, excerptOf(plain), publishedAt, publishedAt, publishedAt, authorId);

      const labelCount = 1 + Math.floor(rand() * 3);
      const mine = new Set<number>();
      // Label popularity is skewed too: a few labels are on many posts, most on a few.
      while (mine.size < Math.min(labelCount, shape.labels)) mine.add(1 + Math.floor(rand() ** 2 * shape.labels));
      for (const labelId of mine) insertPostLabel.run(id, labelId);
      ftsRows.push([id, title, plain, [...mine].map((l) => labelNames[l - 1]).join(' ')]);

      const topLevel: number[] = [];
      for (let c = 0; c < perPost[i]!; c++) {
        commentId++;
        const first = FIRST[Math.floor(rand() * FIRST.length)]!;
        const last = LAST[Math.floor(rand() * LAST.length)]!;
        const reply = topLevel.length > 0 && rand() < 0.2;
        const byAuthor = reply && rand() < 0.3;
        const createdAt = Math.min(end, publishedAt + Math.floor(rand() ** 3 * 60 * DAY) + c * 60_000);
        const roll = rand();
        const status = roll < 0.97 ? 'published' : roll < 0.99 ? 'pending' : 'spam';
        const sentences = 1 + Math.floor(rand() * 4);
        const words: string[] = [];
        for (let s = 0; s < sentences; s++) words.push(text.sentence(4, 16));
        insertComment.run(
          commentId,
          id,
          reply ? topLevel[Math.floor(rand() * topLevel.length)]! : null,
          byAuthor ? 'Bench Writer' : `${first} ${last}`,
          byAuthor ? null : `${first}.${last}${Math.floor(rand() * 500)}@example.com`.toLowerCase(),
          words.join(' '),
          status,
          byAuthor ? 1 : 0,
          createdAt,
        );
        if (!reply && status === 'published') topLevel.push(commentId);
      }
    }
    fts.add(ftsRows);
  });
  for (let from = 0; from < shape.posts; from += POSTS_PER_TRANSACTION) {
    writeBatch(from, Math.min(shape.posts, from + POSTS_PER_TRANSACTION));
  }

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
  writeFileSync(shapeFile(file), `${JSON.stringify(shape, null, 2)}\n`);
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
