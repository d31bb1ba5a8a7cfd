import { closeSync, existsSync, openSync, readdirSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { databasePath } from '@/lib/site/config';
import { createAuthor } from './authors';
import { backupDatabase, BackupError, checkDatabaseFile } from './backup';
import { createCommentChecked } from './comments';
import { migrateDatabase } from './migrate';
import { savePost } from './posts';

let postId: number;
let n = 0;

function comment() {
  n++;
  return createCommentChecked({
    values: {
      postId,
      authorName: `Reader ${n}`,
      authorEmail: null,
      body: `Body ${n}`,
      ipHash: `ip-${n}`,
      submissionKey: `key-${n}-abcdefghijklmnop`,
      createdAt: new Date(),
    },
    floodSince: new Date(),
    decide: () => 'published',
    notifyAddresses: [],
  });
}

beforeAll(async () => {
  await migrateDatabase();
  const authorId = (await createAuthor({ name: 'Host', email: 'backup@example.com' })).id;
  postId = (await savePost({ authorId, title: 'Kept', body: '<p>x</p>', labels: [], action: 'publish', timeZone: 'UTC' })).id;
  for (let i = 0; i < 50; i++) await comment();
});

describe('backupDatabase', () => {
  it('copies a live database while a writer holds an open transaction and the app keeps writing', async () => {
    const source = databasePath();
    const destination = path.join(path.dirname(source), 'backup.db');
    // A second connection, as another process would be, mid-transaction: its rows are not committed.
    const writer = new Database(source);
    writer.pragma('busy_timeout = 5000');
    writer.exec('begin immediate');
    writer.prepare("insert into login_attempts (ip_hash, failures, last_failure_at) values ('uncommitted', 1, 0)").run();

    const backup = backupDatabase({ source, destination });
    const result = await backup;
    writer.exec('rollback');
    writer.close();
    // The app writes again once the writer lets go; the finished copy is unaffected.
    await comment();

    expect(result.file).toBe(destination);
    expect(result.bytes).toBeGreaterThan(0);
    expect(result.tables.comments).toBe(50);
    expect(result.tables.posts).toBe(1);
    expect(result.tables.authors).toBe(1);
    expect(result.tables.login_attempts).toBe(0);
    // Checked again from scratch: a whole, self-contained file with the same rows.
    expect(checkDatabaseFile(destination)).toEqual(result.tables);
    expect(existsSync(`${destination}-wal`)).toBe(false);
    expect(readdirSync(path.dirname(source)).some((f) => f.endsWith('.partial'))).toBe(false);
  });

  it('includes every comment committed before it started', async () => {
    const source = databasePath();
    const before = n;
    const destination = path.join(path.dirname(source), 'backup-2.db');
    const result = await backupDatabase({ source, destination });
    expect(result.tables.comments).toBe(before);
  });

  it('refuses a missing database, the database itself and a folder that does not exist', async () => {
    const source = databasePath();
    await expect(backupDatabase({ source: `${source}.nope`, destination: `${source}.copy` })).rejects.toThrow(/no database/);
    await expect(backupDatabase({ source, destination: source })).rejects.toThrow(BackupError);
    await expect(backupDatabase({ source, destination: '/nonexistent-dir/x.db' })).rejects.toThrow(/does not exist/);
  });

  it('reports a damaged file instead of calling it a backup', () => {
    const file = path.join(path.dirname(databasePath()), 'damaged.db');
    const db = new Database(file);
    db.exec('create table t (x text); create index t_x on t (x);');
    const insert = db.prepare('insert into t values (?)');
    db.transaction(() => {
      for (let i = 0; i < 2000; i++) insert.run(`row ${i} ${'x'.repeat(50)}`);
    })();
    db.close();
    // Overwrite the last page (an index or table page, never the header) with garbage.
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(4096, 0xab), 0, 4096, statSync(file).size - 4096);
    closeSync(fd);
    expect(() => checkDatabaseFile(file)).toThrow(/integrity_check failed|malformed/);
  });
});
