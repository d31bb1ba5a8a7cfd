import 'server-only';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { databasePath } from '@/lib/site/config';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** What a `getDb().transaction(…)` callback receives: the *InTx functions take it to join the caller's transaction. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * The database holds password hashes and commenters' emails: the folder is made 0700 and the file
 * 0600 before SQLite opens it (SQLite gives its -wal and -shm files the database file's mode). A
 * folder that already existed is left as it is (it may be shared, like /srv), with a warning when
 * other users can read it.
 */
export function preparePrivateFile(file: string): void {
  const dir = path.dirname(file);
  if (existsSync(dir)) {
    if (statSync(dir).mode & 0o007) console.warn(`data: ${dir} can be read by other users of this machine; run chmod 700 ${dir}`);
  } else {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  }
  closeSync(openSync(file, 'a', 0o600));
  for (const part of [file, `${file}-wal`, `${file}-shm`]) {
    if (existsSync(part) && statSync(part).mode & 0o077) chmodSync(part, 0o600);
  }
}

function open(): Db {
  const file = databasePath();
  if (file !== ':memory:') preparePrivateFile(file);
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

/**
 * A query built and prepared once per connection, for the hot paths: building a query with
 * drizzle and preparing it in SQLite costs more than running it.
 */
export function preparedPerConnection<T>(prepare: (db: Db) => T): () => T {
  const prepared = new WeakMap<Db, T>();
  return () => {
    const db = getDb();
    let query = prepared.get(db);
    if (query === undefined) prepared.set(db, (query = prepare(db)));
    return query;
  };
}

/** For scripts and tests that must release the file (e.g. before deleting it). */
export function closeDb(): void {
  globalForDb.blogsteadDb?.$client.close();
  globalForDb.blogsteadDb = undefined;
}
