import { chmodSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { getAuthSecret } from '@/lib/accounts/auth-secret';
import { authSecretPath } from '@/lib/site/config';
import { backupDatabase } from './backup';
import { closeDb, getDb } from './client';
import { migrateDatabase } from './migrate';

const mode = (file: string) => (statSync(file).mode & 0o777).toString(8);
const root = mkdtempSync(path.join(tmpdir(), 'blogstead-modes-'));
const original = process.env.DATABASE_URL;

afterAll(() => {
  closeDb();
  process.env.DATABASE_URL = original;
});

describe('files that hold password hashes and emails are private', () => {
  it('a new data folder is 0700; the database, its -wal and -shm and the generated secret are 0600', async () => {
    closeDb();
    const file = path.join(root, 'data', 'blog.db');
    process.env.DATABASE_URL = file;
    await migrateDatabase();
    getDb().$client.exec("insert into settings (id) values (1) on conflict do nothing");
    expect(mode(path.dirname(file))).toBe('700');
    for (const part of [file, `${file}-wal`, `${file}-shm`]) expect(mode(part)).toBe('600');
    getAuthSecret();
    expect(mode(authSecretPath())).toBe('600');
  });

  it('a database left world-readable by an older version is made private when opened', async () => {
    closeDb();
    const file = path.join(root, 'old', 'blog.db');
    process.env.DATABASE_URL = file;
    await migrateDatabase();
    closeDb();
    chmodSync(file, 0o644);
    getDb();
    expect(mode(file)).toBe('600');
  });

  it('a backup is 0600', async () => {
    const target = path.join(root, 'backup.db');
    await backupDatabase({ source: process.env.DATABASE_URL!, destination: target });
    expect(mode(target)).toBe('600');
  });
});
