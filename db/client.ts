import 'server-only';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { databasePath } from '@/lib/config';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

function open(): Db {
  const file = databasePath();
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  // A published comment must survive a power cut, not only a crash of this process.
  sqlite.pragma('synchronous = FULL');
  return drizzle(sqlite, { schema });
}

// One connection per process, kept across hot reloads in development.
const globalForDb = globalThis as typeof globalThis & { blogsteadDb?: Db };

/** Opens the database on first use, never at import, so `next build` never touches it. */
export function getDb(): Db {
  return (globalForDb.blogsteadDb ??= open());
}

/** For scripts and tests that must release the file (e.g. before deleting it). */
export function closeDb(): void {
  globalForDb.blogsteadDb?.$client.close();
  globalForDb.blogsteadDb = undefined;
}
