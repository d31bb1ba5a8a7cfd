import { closeDb } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { seedDemoBlog } from '@/db/seed';
import { databasePath } from '@/lib/site/config';
import { demoBlog, demoPages, demoPosts } from '@/test/fixtures/demo-blog';

async function main() {
  await migrateDatabase();
  const result = await seedDemoBlog({ content: { blog: demoBlog, posts: demoPosts, pages: demoPages } });
  closeDb();
  console.log(
    result.seeded
      ? `Seeded ${databasePath()} with ${result.posts} demo posts and ${result.comments} comments. Open /admin to create your account.`
      : `${databasePath()} already has posts; nothing was added.`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
