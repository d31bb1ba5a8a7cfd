import { createReadStream, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { closeDb } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { databasePath } from '@/lib/site/config';
import { runImport } from '@/server/import/run';
import { summariseImport } from '@/lib/import/summary';
import { ImportError } from '@/lib/import/types';

const usage = 'Usage: npm run import -- FILE [--dry-run] [--copy-images]';

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { 'dry-run': { type: 'boolean', default: false }, 'copy-images': { type: 'boolean', default: false } },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new ImportError(usage);
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new ImportError(`No such file: ${file}`);
  }
  await migrateDatabase();
  const report = await runImport(createReadStream(file), {
    fileName: path.basename(file),
    totalBytes: size,
    dryRun: values['dry-run'],
    copyImages: values['copy-images'],
    onProgress: (p) => {
      if (process.stderr.isTTY) process.stderr.write(`\r${p.phase}: ${Math.round((100 * p.bytes) / (p.totalBytes || 1))}% · ${p.posts} posts · ${p.comments} comments   `);
    },
  });
  if (process.stderr.isTTY) process.stderr.write('\n');
  closeDb();
  console.log(`${report.dryRun ? 'Checked' : 'Imported'} ${file} into ${databasePath()} (${report.format}, ${report.seconds} s).`);
  for (const line of summariseImport(report)) console.log(`- ${line}`);
  // The same images and reasons the admin page lists under "Images not copied".
  for (const { url, reason } of report.images?.failed.slice(0, 50) ?? []) console.log(`  ${url} — ${reason}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof ImportError ? error.message : error);
  process.exit(1);
});
