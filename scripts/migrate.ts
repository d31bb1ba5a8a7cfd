import { closeDb } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { databasePath } from '@/lib/site/config';

async function main() {
  await migrateDatabase();
  closeDb();
  console.log(`Database ready: ${databasePath()}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
