import { bloggerEntry } from './blogger';
import { ImportError, type ImportFormat, type ImportItem } from './types';
import { child, NS, readXmlRecords } from './xml';
import { newWordPressContext, wordpressRecord } from './wordpress';

export type Backup = { format: ImportFormat; items: AsyncGenerator<ImportItem> };

/**
 * Opens a backup as a stream and tells its format from the root element: an Atom <feed> is
 * Blogger's (classic export or Takeout), an <rss> with WordPress's namespace is WXR. Anything
 * else is refused with a message that says what the file seems to be.
 */
export async function readBackup(source: AsyncIterable<Uint8Array | string>, now = new Date()): Promise<Backup> {
  const { root, records } = await readXmlRecords(source, (r) => (r.local === 'rss' ? 3 : 2));
  if (root.local === 'feed' && root.uri === NS.atom) return { format: 'blogger', items: blogger(records, now) };
  if (root.local === 'rss' && root.uri === '') return { format: 'wordpress', items: wordpress(records, now) };
  if (root.local === 'html') throw new ImportError('This file is a web page, not a backup. On Blogger use Settings → Back up content (or Google Takeout); on WordPress use Tools → Export.', 415);
  throw new ImportError(`This is an XML file, but not a Blogger or WordPress backup (it starts with <${root.local}>).`, 415);
}

async function* blogger(records: AsyncGenerator<Parameters<typeof bloggerEntry>[0]>, now: Date): AsyncGenerator<ImportItem> {
  for await (const node of records) {
    if (node.uri === NS.atom && node.local === 'entry') yield bloggerEntry(node, now);
  }
}

async function* wordpress(records: AsyncGenerator<Parameters<typeof bloggerEntry>[0]>, now: Date): AsyncGenerator<ImportItem> {
  const ctx = newWordPressContext();
  let sawWordPress = false;
  for await (const node of records) {
    if (node.uri.startsWith('http://wordpress.org/export/') || node.uri.startsWith('https://wordpress.org/export/')) sawWordPress = true;
    if (node.local === 'item' && !sawWordPress && !child(node, (u) => u.includes('wordpress.org/export/'), 'post_id')) {
      throw new ImportError('This is an RSS feed, not a WordPress export: use Tools → Export in WordPress to get the full file.', 415);
    }
    yield* wordpressRecord(node, ctx, now);
  }
}
