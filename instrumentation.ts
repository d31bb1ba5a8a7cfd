export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // The build imports this file too; it must never create or open the database.
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { migrateDatabase } = await import('./db/migrate');
  const { getAuthSecret } = await import('./lib/accounts/auth-secret');
  await migrateDatabase();
  getAuthSecret();
  // `next start` finishes in-flight requests on SIGTERM, then exits; closing the connection here
  // checkpoints the WAL into the database file, so a stopped blog is one self-contained file.
  const { closeDb } = await import('./db/client');
  process.once('exit', closeDb);
}
