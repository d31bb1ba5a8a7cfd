import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { getCurrentAuthor } from '@/auth';
import { backupDatabase } from '@/db/backup';
import { listAuthorsForExport, listPostsForExport } from '@/db/export';
import { listAllLabelNames } from '@/db/labels';
import { getSettings } from '@/db/settings';
import { databasePath } from '@/lib/site/config';
import { bloggerExport } from '@/server/export/blogger';
import { wordpressExport } from '@/server/export/wordpress';
import { getSiteOrigin } from '@/server/site-origin';

const FORMATS = ['blogger.xml', 'wordpress.xml', 'blog.db'] as const;

function download(body: ReadableStream<Uint8Array>, name: string, type: string): Response {
  return new Response(body, {
    headers: {
      'content-type': type,
      'content-disposition': `attachment; filename="${name}"`,
      'cache-control': 'no-store',
    },
  });
}

function streamOf(chunks: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = chunks[Symbol.asyncIterator]();
  return new ReadableStream({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

/**
 * Downloads of the whole blog (Admin → Import & export), admins only: a Blogger backup, a
 * WordPress WXR file, or a consistent SQLite snapshot taken with SQLite's online backup while
 * the blog keeps running. The XML is written as it is read, a batch of posts at a time.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ format: string }> }) {
  const author = await getCurrentAuthor();
  if (!author) return Response.json({ message: 'Please sign in to export the blog.' }, { status: 401 });
  if (author.role !== 'admin') return Response.json({ message: 'Only an admin can export the blog.' }, { status: 403 });
  const { format } = await params;
  if (!FORMATS.includes(format as (typeof FORMATS)[number])) {
    return Response.json({ message: `Unknown export "${format}": choose blogger.xml, wordpress.xml or blog.db.` }, { status: 404 });
  }
  const stamp = new Date().toISOString().slice(0, 10);

  if (format === 'blog.db') {
    const dir = await mkdtemp(path.join(tmpdir(), 'blogstead-snapshot-'));
    const file = path.join(dir, 'blog.db');
    try {
      await backupDatabase({ source: databasePath(), destination: file });
    } catch (error) {
      await rm(dir, { recursive: true, force: true });
      console.error('snapshot failed:', error);
      return Response.json({ message: 'The snapshot could not be taken; the server log has the details.' }, { status: 503 });
    }
    const stream = createReadStream(file);
    stream.on('close', () => void rm(dir, { recursive: true, force: true }));
    return download(Readable.toWeb(stream) as ReadableStream<Uint8Array>, `blogstead-${stamp}.db`, 'application/vnd.sqlite3');
  }

  const [settings, origin] = await Promise.all([getSettings(), getSiteOrigin()]);
  const blog = { title: settings.blogTitle, description: settings.blogDescription, origin };
  if (format === 'blogger.xml') {
    return download(streamOf(bloggerExport(blog, listPostsForExport())), `blog-${stamp}.xml`, 'application/atom+xml; charset=utf-8');
  }
  const [authors, labels] = await Promise.all([listAuthorsForExport(), listAllLabelNames()]);
  return download(streamOf(wordpressExport(blog, authors, labels, listPostsForExport())), `blog-${stamp}.wordpress.xml`, 'application/rss+xml; charset=utf-8');
}
