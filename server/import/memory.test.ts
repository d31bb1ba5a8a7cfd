import { createReadStream, statSync } from 'node:fs';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { beforeAll, expect, it } from 'vitest';
import { migrateDatabase } from '@/db/migrate';
import { databasePath } from '@/lib/site/config';
import { writeLargeBackup } from '@/test/large-backup';
import { runImport } from './run';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

beforeAll(async () => {
  await migrateDatabase();
});

// npm run bench:import measures the same at 100 MB: peak RSS 182 MB with a 64 MB heap cap.
it('imports a 16 MB backup with flat memory: the heap after the last post is what it was a quarter in', async () => {
  const file = path.join(path.dirname(databasePath()), 'large.xml');
  const written = await writeLargeBackup(file, 16);
  const heap: { posts: number; mb: number }[] = [];
  let next = Math.floor(written.posts / 4);
  const report = await runImport(createReadStream(file), {
    fileName: 'large.xml',
    totalBytes: statSync(file).size,
    onProgress: (p) => {
      if (p.phase === 'reading' && p.posts >= next) {
        next += Math.floor(written.posts / 4);
        gc();
        heap.push({ posts: p.posts, mb: process.memoryUsage().heapUsed / 1048576 });
      }
    },
  });
  expect(report.applied).toMatchObject({ posts: written.posts, comments: written.comments });
  expect(heap.length).toBeGreaterThanOrEqual(3);
  const growth = heap.at(-1)!.mb - heap[0]!.mb;
  expect(growth, `heap grew ${growth.toFixed(1)} MB between ${heap[0]!.posts} and ${heap.at(-1)!.posts} posts`).toBeLessThan(6);
}, 120_000);
