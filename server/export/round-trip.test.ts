import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createAuthor } from '@/db/authors';
import { closeDb, getDb } from '@/db/client';
import { createComment } from '@/db/comments';
import { listAuthorsForExport, listPostsForExport } from '@/db/export';
import { listAllLabelNames } from '@/db/labels';
import { migrateDatabase } from '@/db/migrate';
import { savePost } from '@/db/posts';
import { comments, labels, posts } from '@/db/schema';
import { runImport } from '@/server/import/run';
import { bloggerExport } from './blogger';
import { wordpressExport } from './wordpress';

const blog = { title: 'Round & Trip', description: 'A blog that leaves and comes back', origin: 'https://blog.example' };

async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let out = '';
  for await (const chunk of chunks) out += chunk;
  return out;
}

/** Everything a reader or an author would notice, independent of row ids. */
async function snapshot() {
  const db = getDb();
  const rows = db.select().from(posts).orderBy(asc(posts.title)).all();
  const byId = new Map(rows.map((p) => [p.id, p]));
  const postLabels = new Map<number, string[]>();
  for (const p of (await listPostsForExport().next()).value ?? []) postLabels.set(p.id, [...p.labels].sort());
  const allComments = db.select().from(comments).where(eq(comments.status, 'published')).orderBy(asc(comments.createdAt)).all();
  const commentById = new Map(allComments.map((c) => [c.id, c]));
  return {
    posts: rows.map((p) => ({
      type: p.type,
      status: p.status,
      title: p.title,
      permalink: p.permalink,
      body: p.body,
      publishedAt: p.status === 'draft' ? null : p.publishedAt?.getTime(),
      labels: postLabels.get(p.id),
    })),
    comments: allComments.map((c) => ({
      post: byId.get(c.postId)!.title,
      author: c.authorName,
      body: c.body,
      at: c.createdAt.getTime(),
      replyTo: c.parentId ? commentById.get(c.parentId)?.body : null,
    })),
    labels: db.select({ name: labels.name }).from(labels).orderBy(asc(labels.name)).all().map((l) => l.name),
  };
}

async function freshDatabase() {
  closeDb();
  process.env.DATABASE_URL = path.join(mkdtempSync(path.join(tmpdir(), 'blogstead-trip-')), 'blog.db');
  await migrateDatabase();
}

async function fillBlog() {
  await freshDatabase();
  const ann = await createAuthor({ name: 'Ann Author', email: 'ann@example.org' });
  const base = { authorId: ann.id, timeZone: 'UTC' };
  const first = await savePost({ ...base, title: 'Hello <world> & all', body: '<p>First <strong>post</strong> ]]&gt; with a CDATA end.</p>', labels: ['News', 'C++', 'Café'], action: 'publish', now: new Date('2019-05-04T10:00:00Z') });
  await savePost({ ...base, title: 'Second thoughts', body: '<p>Two</p><a name="more"></a><p>after the break</p>', labels: ['News'], action: 'publish', now: new Date('2020-01-02T03:04:05Z') });
  await savePost({ ...base, title: 'Not yet', body: '<p>Draft body</p>', labels: ['Someday'], action: 'draft' });
  await savePost({ ...base, title: 'Tomorrow', body: '<p>Scheduled</p>', labels: [], action: 'schedule', scheduleAt: new Date('2031-01-01T09:00:00Z'), now: new Date('2026-01-01T00:00:00Z') });
  await savePost({ ...base, type: 'page', title: 'About me', body: '<p>Me</p>', labels: [], action: 'publish', now: new Date('2018-01-01T00:00:00Z') });
  const top = await createComment({ postId: first.id, authorName: 'Reader One', authorEmail: 'one@example.org', authorUrl: 'https://one.example', body: 'Nice <b>post</b>!\n\nSecond paragraph.', createdAt: new Date('2019-05-05T10:00:00Z') });
  await createComment({ postId: first.id, parentId: top.id, authorName: 'Ann Author', body: 'Thank you & welcome', isPostAuthor: true, createdAt: new Date('2019-05-06T10:00:00Z') });
  await createComment({ postId: first.id, authorName: 'Spammer', body: 'buy now', status: 'spam', createdAt: new Date('2019-05-07T10:00:00Z') });
}

describe('export → import into an empty blog', () => {
  for (const format of ['blogger', 'wordpress'] as const) {
    it(`keeps posts, pages, drafts, labels, comments and URLs (${format})`, async () => {
      await fillBlog();
      const before = await snapshot();
      const file =
        format === 'blogger'
          ? await collect(bloggerExport(blog, listPostsForExport()))
          : await collect(wordpressExport(blog, await listAuthorsForExport(), await listAllLabelNames(), listPostsForExport()));

      await freshDatabase();
      const report = await runImport((async function* () { yield file; })(), { fileName: `export.${format}.xml` });
      expect(report.applied?.notes).toEqual([]);
      const after = await snapshot();
      expect(after.posts).toEqual(before.posts);
      expect(after.comments).toEqual(before.comments);
      expect(after.labels).toEqual(before.labels);
      expect(before.posts.map((p) => p.permalink)).toContain('/2019/05/hello-world-all.html');
    });
  }
});
