import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeLargeBackup } from '../test/large-backup';

/** Imports a generated Blogger backup of about N MB into a fresh database and reports time and peak memory: npm run bench:import [-- --mb 100] */

async function main() {
  const { values } = parseArgs({ options: { mb: { type: 'string', default: '100' } } });
  const dir = mkdtempSync(path.join(tmpdir(), 'blogstead-import-bench-'));
  process.env.DATABASE_URL = path.join(dir, 'blog.db');
  try {
    const file = path.join(dir, 'backup.xml');
    const written = await writeLargeBackup(file, Number(values.mb));
    const size = statSync(file).size;
    const { migrateDatabase } = await import('@/db/migrate');
    const { runImport } = await import('@/server/import/run');
    const { closeDb } = await import('@/db/client');
    await migrateDatabase();
    global.gc?.();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 50);
    const started = Date.now();
    let lastLogged = 0;
    const report = await runImport(createReadStream(file), {
      fileName: 'backup.xml',
      totalBytes: size,
      onProgress: (p) => {
        if (process.env.TRACE_HEAP && global.gc && (p.posts - lastLogged >= 2000 || p.phase !== 'reading')) {
          lastLogged = p.posts;
          global.gc();
          console.log(`${p.phase} ${p.posts} posts: heap ${(process.memoryUsage().heapUsed / 1048576).toFixed(0)} MB`);
        }
      },
    });
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
    const seconds = (Date.now() - started) / 1000;
    closeDb();
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
    console.log(`backup: ${mb(size)}, ${written.posts} posts, ${written.comments} comments`);
    console.log(`imported: ${report.applied?.posts} posts, ${report.applied?.comments} comments in ${seconds.toFixed(1)} s (${(size / 1024 / 1024 / seconds).toFixed(1)} MB/s)`);
    console.log(`memory: RSS before ${mb(baseline)}, peak ${mb(peak)} (growth ${mb(peak - baseline)}) for a ${mb(size)} file`);
    console.log(JSON.stringify({ fileBytes: size, posts: written.posts, comments: written.comments, seconds, rssBaseline: baseline, rssPeak: peak }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
