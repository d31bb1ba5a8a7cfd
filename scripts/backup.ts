import { backupDatabase } from '@/db/backup';
import { databasePath } from '@/lib/site/config';

// npm run backup -- FILE: an online copy of the DATABASE_URL database, verified before it is kept.
async function main() {
  const destination = process.argv[2];
  if (!destination || process.argv.length > 3) {
    console.error('Usage: npm run backup -- FILE   (e.g. npm run backup -- backups/blog-2026-01-31.db)');
    process.exit(2);
  }
  const started = performance.now();
  const result = await backupDatabase({ source: databasePath(), destination });
  const rows = Object.entries(result.tables)
    .filter(([name]) => ['posts', 'comments', 'authors', 'media'].includes(name))
    .map(([name, count]) => `${count} ${name}`)
    .join(', ');
  console.log(
    `Backup written to ${result.file} (${(result.bytes / 1024).toFixed(0)} KB, ${rows}); integrity_check ok; ` +
      `${Math.round(performance.now() - started)} ms.`,
  );
  console.log('Uploaded images are not in the database file: copy the media/ folder beside it as well.');
}

main().catch((error: unknown) => {
  console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
