import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { comments, imports, posts } from '@/db/schema';
import { readBackup } from '@/lib/import/read';
import { runImport } from './run';
import { ImportError } from '@/lib/import/types';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const FEED = "<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'>";
const ENTRY = "<entry><id>tag:blogger.com,1999:blog-9.post-77</id><title type='text'>Huge</title>";
const WXR = '<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><item><title>Huge</title><wp:post_id>12</wp:post_id>';

/**
 * A file streamed in 64 KB chunks, made up as it is read (never held whole), with the heap
 * measured as it goes: what the reader keeps is what the heap grows by.
 */
function hostileFile(head: string, unit: string, megabytes: number, tail = '') {
  const stats = { bytes: 0, peakHeapGrowthMb: 0 };
  async function* chunks(): AsyncGenerator<string> {
    gc();
    const base = process.memoryUsage().heapUsed;
    const chunk = unit.repeat(Math.ceil(65_536 / unit.length));
    yield head;
    while (stats.bytes < megabytes * 1024 * 1024) {
      stats.bytes += chunk.length;
      stats.peakHeapGrowthMb = Math.max(stats.peakHeapGrowthMb, (process.memoryUsage().heapUsed - base) / 1048576);
      yield chunk;
    }
    yield tail;
  }
  return { chunks, stats };
}

async function refusal(source: AsyncIterable<string>): Promise<ImportError> {
  try {
    const backup = await readBackup(source);
    for await (const item of backup.items) void item;
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('the file was accepted');
}

describe('one entry is bounded, so a hostile file is refused before it fills memory', () => {
  it('millions of empty elements in one entry: refused with 413, naming the entry and the limit', async () => {
    const file = hostileFile(FEED + ENTRY, '<x/>', 20, '</entry></feed>');
    const error = await refusal(file.chunks());
    expect(error.status).toBe(413);
    expect(error.message).toMatch(/Entry 1 \(tag:blogger\.com,1999:blog-9\.post-77\)/);
    expect(error.message).toMatch(/more than 250,000 elements/);
    expect(error.message).toMatch(/Nothing was imported/);
    expect(file.stats.bytes).toBeLessThan(4 * 1024 * 1024);
    expect(file.stats.peakHeapGrowthMb).toBeLessThan(120);
  });

  it('elements nested a million deep: refused at 100 levels', async () => {
    const file = hostileFile(FEED + ENTRY, '<x>', 20);
    const error = await refusal(file.chunks());
    expect(error.status).toBe(413);
    expect(error.message).toMatch(/Entry 1 \(tag:blogger\.com,1999:blog-9\.post-77\), starting on line 1, nests elements more than 100 deep/);
    expect(file.stats.bytes).toBeLessThan(1024 * 1024);
  });

  it('a 20 MB attribute: refused once the tag passes 1 MB', async () => {
    const file = hostileFile(`${FEED + ENTRY}<link rel='alternate' href='`, 'a', 20, "'/></entry></feed>");
    const error = await refusal(file.chunks());
    expect(error.status).toBe(413);
    expect(error.message).toMatch(/Entry 1 \(tag:blogger\.com,1999:blog-9\.post-77\)/);
    expect(error.message).toMatch(/a <link> tag longer than 1 MB/);
    expect(file.stats.bytes).toBeLessThan(3 * 1024 * 1024);
    expect(file.stats.peakHeapGrowthMb).toBeLessThan(40);
  });

  it('hundreds of thousands of attributes on one element', async () => {
    let n = 0;
    const head = `${WXR}<wp:postmeta `;
    async function* chunks(): AsyncGenerator<string> {
      yield head;
      while (n < 2_000_000) yield Array.from({ length: 1000 }, () => ` a${n++}=""`).join('');
    }
    const error = await refusal(chunks());
    expect(error.status).toBe(413);
    expect(error.message).toMatch(/Item 1 \(Huge\), starting on line 1,/);
    expect(error.message).toMatch(/a <wp:postmeta> tag longer than 1 MB/);
    expect(n).toBeLessThan(200_000);
  });

  it('a comment, or a run of text, longer than an entry may hold is refused while it is still being read', async () => {
    const comment = hostileFile(`${FEED + ENTRY}<!--`, 'x', 70);
    const error = await refusal(comment.chunks());
    expect(error.status).toBe(413);
    expect(error.message).toMatch(/more than 64 MB of text/);
    expect(comment.stats.bytes).toBeLessThan(66 * 1024 * 1024);
  });

  it('more text in one entry than 64 MB, spread over its elements', async () => {
    const file = hostileFile(FEED + ENTRY, `<p>${'y'.repeat(65_529)}</p>`, 70);
    const error = await refusal(file.chunks());
    expect(error.status).toBe(413);
    expect(error.message).toMatch(/Entry 1 \(tag:blogger\.com,1999:blog-9\.post-77\), starting on line 1, holds more than 64 MB of text/);
  });

  it('a real-sized entry still passes: 5 MB of HTML and 20,000 elements', async () => {
    const big = `${FEED + ENTRY}<category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#post'/>
      <published>2020-01-01T00:00:00Z</published><content type='html'>${'&lt;p&gt;words&lt;/p&gt;'.repeat(220_000)}</content>${'<x/>'.repeat(20_000)}</entry></feed>`;
    const backup = await readBackup((async function* () { yield big; })());
    const items = [];
    for await (const item of backup.items) items.push(item);
    expect(items).toMatchObject([{ kind: 'post', title: 'Huge' }]);
  });
});

describe('a refused file changes nothing', () => {
  beforeAll(async () => {
    await migrateDatabase();
  });

  it('the posts before the hostile entry are not written, and the run is kept as failed with the reason', async () => {
    const count = () => ({
      posts: getDb().select({ n: sql<number>`count(*)` }).from(posts).get()!.n,
      comments: getDb().select({ n: sql<number>`count(*)` }).from(comments).get()!.n,
    });
    const before = count();
    const good = `<entry><id>tag:blogger.com,1999:blog-9.post-1</id><published>2020-01-01T00:00:00Z</published>
      <category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#post'/>
      <title type='text'>Fine</title><content type='html'>ok</content></entry>`;
    const file = hostileFile(FEED + good + ENTRY, '<x/>', 20, '</entry></feed>');
    const error = await runImport(file.chunks(), { fileName: 'hostile.xml' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).status).toBe(413);
    expect((error as ImportError).message).toMatch(/Entry 2 \(tag:blogger\.com,1999:blog-9\.post-77\)/);
    expect(count()).toEqual(before);
    const run = getDb().select().from(imports).where(sql`${imports.fileName} = 'hostile.xml'`).get()!;
    expect(run.status).toBe('failed');
    expect(JSON.stringify(run.report)).toMatch(/more than 250,000 elements/);
  });
});
