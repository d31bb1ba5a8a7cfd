import 'server-only';
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { applyImport, findImportedSourceIds, recordImportRun } from '@/db/import';
import { getSettings } from '@/db/settings';
import { databasePath } from '@/lib/site/config';
import { MORE_MARKER } from '@/lib/posts/content';
import { sanitizePostHtml } from '@/lib/posts/sanitize';
import type { ImportProgress, ImportReport } from '@/lib/import/report';
import { ImageCopier } from './images';
import { readBackup } from '@/lib/import/read';
import { Staging } from '@/lib/import/staging';
import { ImportError, type ImportedLabelAlias } from '@/lib/import/types';

export type ImportOptions = {
  fileName: string;
  dryRun?: boolean;
  copyImages?: boolean;
  totalBytes?: number;
  authorId?: number | null;
  onProgress?: (progress: ImportProgress) => void;
  now?: Date;
};

const BATCH = 500;

/*
 * Strings cut from the parser's text are slices of the chunk they came from: keeping one would
 * keep its whole 64 KB chunk alive. Whatever the import holds on to for the whole file is
 * copied (or hashed) first, so memory stays flat however large the backup is.
 */
const own = (text: string) => Buffer.from(text, 'utf8').toString('utf8');
const digest = (text: string) => createHash('sha256').update(text).digest('base64');

/** Staging files live beside the database, so an import needs no space anywhere else. */
function workDir(): string {
  const db = databasePath();
  const dir = db === ':memory:' ? tmpdir() : path.join(path.dirname(db), 'imports');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

/**
 * Imports a Blogger or WordPress backup in two steps: read the whole file as a stream (checking
 * it, cleaning every body, copying images if asked) into staging files, then write everything
 * in one transaction. A file that turns out broken halfway never touches the blog; a dry run
 * stops after the first step and says what would happen. Every run is kept with its report.
 */
export async function runImport(source: AsyncIterable<Uint8Array | string>, options: ImportOptions): Promise<ImportReport> {
  const started = Date.now();
  const now = options.now ?? new Date();
  const progress: ImportProgress = { phase: 'reading', bytes: 0, totalBytes: options.totalBytes, posts: 0, comments: 0 };
  let lastTick = 0;
  const tick = (force = false) => {
    if (!options.onProgress) return;
    const at = Date.now();
    if (force || at - lastTick > 200) {
      lastTick = at;
      options.onProgress({ ...progress });
    }
  };
  async function* counted(): AsyncGenerator<Uint8Array | string> {
    for await (const chunk of source) {
      progress.bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
      tick();
      yield chunk;
    }
  }

  const report: ImportReport = {
    fileName: options.fileName,
    format: 'blogger',
    dryRun: options.dryRun ?? false,
    found: { posts: 0, pages: 0, drafts: 0, scheduled: 0, comments: 0, labels: 0, authors: 0 },
    alreadyImported: { posts: 0, comments: 0 },
    skipped: [],
    seconds: 0,
  };
  const staging = new Staging(workDir());
  try {
    const backup = await readBackup(counted(), now);
    report.format = backup.format;
    // A dry run only counts the images: fetching them would already act on the backup's addresses.
    const copier = options.copyImages ? new ImageCopier(options.authorId ?? null, { dryRun: report.dryRun }) : undefined;
    const labels = new Set<string>();
    const people = new Set<string>();
    const seen = new Set<string>();
    const aliases: ImportedLabelAlias[] = [];
    const skipped = new Map<string, ImportReport['skipped'][number]>();
    const pendingIds = { post: [] as string[], comment: [] as string[] };
    const checkImported = async (kind: 'post' | 'comment', force = false) => {
      const ids = pendingIds[kind];
      if (ids.length === 0 || (!force && ids.length < BATCH)) return;
      const found = await findImportedSourceIds({ kind, ids: ids.splice(0) });
      report.alreadyImported[kind === 'post' ? 'posts' : 'comments'] += found.size;
    };
    /**
     * A backup can hold one id twice (hand-edited files do); the second copy gets its own. The
     * next number to try is kept per id: counting up from 2 for every copy made a file of one
     * id repeated quadratic in the number of copies.
     */
    const nextCopy = new Map<string, number>();
    const uniqueId = (id: string) => {
      const key = digest(id);
      if (!seen.has(key)) {
        seen.add(key);
        return id;
      }
      let n = nextCopy.get(key) ?? 2;
      while (seen.has(digest(`${id}~${n}`))) n++;
      seen.add(digest(`${id}~${n}`));
      nextCopy.set(key, n + 1);
      return `${id}~${n}`;
    };

    for await (const item of backup.items) {
      if (item.kind === 'skipped') {
        const key = own(`${item.what}\u0000${item.reason}`);
        const entry = skipped.get(key) ?? { what: own(item.what), reason: own(item.reason), count: 0, examples: [] };
        entry.count++;
        if (item.title && entry.examples.length < 5) entry.examples.push(own(item.title));
        skipped.set(key, entry);
      } else if (item.kind === 'label-alias') {
        aliases.push({ ...item, fromPath: own(item.fromPath), label: own(item.label) });
      } else if (item.kind === 'post') {
        const post = { ...item, sourceId: uniqueId(item.sourceId), title: item.title.slice(0, 500) };
        // WordPress's <!--more--> becomes Blogger's jump break, which the sanitiser keeps.
        post.html = sanitizePostHtml(post.html.replace(/<!--\s*more\s*-->/gi, MORE_MARKER));
        if (copier) post.html = sanitizePostHtml(await copier.rewrite(post.html));
        staging.add(post);
        progress.posts++;
        report.found[post.type === 'page' ? 'pages' : 'posts']++;
        if (post.status === 'draft') report.found.drafts++;
        if (post.status === 'scheduled') report.found.scheduled++;
        post.labels.forEach((l) => labels.add(own(l)));
        people.add(own(post.author.email ?? post.author.name));
        pendingIds.post.push(post.sourceId);
        await checkImported('post');
      } else {
        const comment = { ...item, sourceId: uniqueId(item.sourceId) };
        staging.add(comment);
        progress.comments++;
        report.found.comments++;
        pendingIds.comment.push(comment.sourceId);
        await checkImported('comment');
      }
    }
    staging.finish();
    await checkImported('post', true);
    await checkImported('comment', true);
    report.found.labels = labels.size;
    report.found.authors = people.size;
    report.skipped = [...skipped.values()];
    if (copier) {
      copier.finish();
      report.images = copier.stats;
    }
    if (report.found.posts + report.found.pages + report.found.comments === 0) {
      throw new ImportError('The file is a backup, but it holds no posts, pages or comments to import.');
    }

    if (!report.dryRun) {
      progress.phase = 'writing';
      tick(true);
      const { timezone } = await getSettings();
      report.applied = await applyImport({
        posts: () => staging.posts(),
        comments: () => staging.comments(),
        aliases,
        timeZone: timezone,
        now,
      });
    }
    report.seconds = Math.round((Date.now() - started) / 100) / 10;
    progress.phase = 'done';
    tick(true);
    const run = await recordImportRun({
      fileName: options.fileName,
      format: report.format,
      dryRun: report.dryRun,
      status: 'done',
      report,
      authorId: options.authorId ?? null,
    });
    return { ...report, runId: run.id };
  } catch (error) {
    const message = error instanceof ImportError ? error.message : 'The import failed; nothing was changed.';
    await recordImportRun({
      fileName: options.fileName,
      format: report.format,
      dryRun: report.dryRun,
      status: 'failed',
      report: { ...report, error: message },
      authorId: options.authorId ?? null,
    }).catch(() => undefined);
    throw error;
  } finally {
    staging.remove();
  }
}
