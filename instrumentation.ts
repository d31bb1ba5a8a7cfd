export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // The build imports this file too; it must never create or open the database.
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { migrateDatabase } = await import('./db/migrate');
  const { getAuthSecret } = await import('./lib/auth-secret');
  await migrateDatabase();
  getAuthSecret();
}
