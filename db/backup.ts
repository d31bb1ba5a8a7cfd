import 'server-only';
import { chmodSync, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export type BackupResult = { file: string; bytes: number; tables: Record<string, number> };

export class BackupError extends Error {}

/**
 * Copies a live database with SQLite's online backup API: a consistent snapshot of everything
 * committed, taken while the blog keeps serving and writing (WAL readers never block writers).
 * The copy is checked with `PRAGMA integrity_check` before it takes the destination's name, so a
 * file at `destination` is always a whole, verified backup; a failed run leaves nothing behind.
 */
export async function backupDatabase({ source, destination }: { source: string; destination: string }): Promise<BackupResult> {
  const from = path.resolve(source);
  const to = path.resolve(destination);
  if (from === to) throw new BackupError('The backup file cannot be the database itself; choose another path.');
  if (!existsSync(from)) throw new BackupError(`There is no database at ${from}; check DATABASE_URL.`);
  if (!existsSync(path.dirname(to))) throw new BackupError(`The folder ${path.dirname(to)} does not exist; create it first.`);

  const partial = `${to}.partial`;
  rmSync(partial, { force: true });
  const db = new Database(from, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    // After the first step, copy all remaining pages in one step: a single read snapshot, so
    // writes arriving meanwhile can never make the backup start over.
    await db.backup(partial, { progress: () => 0x7fffffff });
  } catch (error) {
    rmSync(partial, { force: true });
    throw new BackupError(`The backup could not be written: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    db.close();
  }

  try {
    const tables = checkDatabaseFile(partial, { selfContained: true });
    // A backup holds what the database holds (password hashes, emails): private like it.
    chmodSync(partial, 0o600);
    renameSync(partial, to);
    return { file: to, bytes: statSync(to).size, tables };
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

/**
 * Runs `PRAGMA integrity_check` on a database file and counts the rows of every table.
 * `selfContained` switches the file out of WAL mode, so a backup is one file with no -wal/-shm.
 */
export function checkDatabaseFile(file: string, { selfContained = false } = {}): Record<string, number> {
  const db = new Database(file, { fileMustExist: true });
  try {
    if (selfContained) db.pragma('journal_mode = DELETE');
    const problems = (db.pragma('integrity_check') as { integrity_check: string }[]).map((row) => row.integrity_check);
    if (problems.length !== 1 || problems[0] !== 'ok') {
      throw new BackupError(`integrity_check failed on ${file}: ${problems.slice(0, 5).join('; ')}`);
    }
    const names = db
      .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
      .pluck()
      .all() as string[];
    return Object.fromEntries(
      names.map((name) => [name, db.prepare(`select count(*) from "${name.replaceAll('"', '""')}"`).pluck().get() as number]),
    );
  } finally {
    db.close();
  }
}
