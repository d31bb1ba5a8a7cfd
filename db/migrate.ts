import 'server-only';
import path from 'node:path';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { getDb } from './client';

export const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');

/** Applies every pending migration; creates the database file and its folder on first start. */
export async function migrateDatabase(): Promise<void> {
  migrate(getDb(), { migrationsFolder });
}
