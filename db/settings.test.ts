import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LABELS_GADGET, type LabelsGadget } from '@/lib/reading/labels-gadget';
import { createFirstAdmin } from './authors';
import { getDb } from './client';
import { migrateDatabase, migrationsFolder } from './migrate';
import { openReaderStateReader } from './reader-cache';
import { getSettings, updateSettings } from './settings';

beforeAll(async () => {
  await migrateDatabase();
});

describe('the Labels gadget settings', () => {
  it('are the defaults before setup writes the settings row, and after', async () => {
    expect((await getSettings()).labelsGadget).toEqual(DEFAULT_LABELS_GADGET);
    await createFirstAdmin({ name: 'Owner', email: 'owner@example.com', passwordHash: 'x', blogTitle: 'Labelled' });
    expect((await getSettings()).labelsGadget).toEqual(DEFAULT_LABELS_GADGET);
  });

  it('come back as they were saved', async () => {
    const cloud: LabelsGadget = { show: 'selected', selected: ['Travel', 'Food & Drink'], sort: 'count', display: 'cloud', showCounts: false, limit: 12 };
    await updateSettings({ labelsGadget: cloud });
    expect((await getSettings()).labelsGadget).toEqual(cloud);
    await updateSettings({ labelsGadget: { ...cloud, limit: null } });
    expect((await getSettings()).labelsGadget.limit).toBeNull();
  });

  it('bump the content version when changed, so no cached page keeps the old gadget', async () => {
    const before = openReaderStateReader().state().version;
    await updateSettings({ labelsGadget: { ...DEFAULT_LABELS_GADGET, display: 'cloud' } });
    expect(openReaderStateReader().state().version).toBeGreaterThan(before);
  });

  it('read anything stored by hand that they do not know as the defaults', async () => {
    getDb().$client.prepare(`update settings set labels_gadget = '{"show":"everything","limit":"lots"}' where id = 1`).run();
    expect((await getSettings()).labelsGadget).toEqual(DEFAULT_LABELS_GADGET);
  });
});

describe('migration 0015 on a blog that already exists', () => {
  it('gives it the default gadget (the 30 most used labels) and a new content version', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'blogstead-0015-'));
    try {
      // The migrations as they were before this one.
      const before = path.join(dir, 'migrations');
      mkdirSync(path.join(before, 'meta'), { recursive: true });
      for (const file of readdirSync(migrationsFolder).filter((f) => f.endsWith('.sql') && f < '0015')) copyFileSync(path.join(migrationsFolder, file), path.join(before, file));
      const journal = JSON.parse(readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8'));
      journal.entries = journal.entries.filter((e: { idx: number }) => e.idx < 15);
      writeFileSync(path.join(before, 'meta', '_journal.json'), JSON.stringify(journal));

      const sqlite = new Database(path.join(dir, 'old.db'));
      const db = drizzle(sqlite);
      migrate(db, { migrationsFolder: before });
      sqlite.prepare(`insert into settings (id, blog_title) values (1, 'Old blog')`).run();
      const version = () => (sqlite.prepare('select version from content_version where id = 1').get() as { version: number }).version;
      const start = version();

      migrate(db, { migrationsFolder });
      const row = sqlite.prepare('select blog_title, labels_gadget from settings where id = 1').get() as { blog_title: string; labels_gadget: string };
      expect(row.blog_title).toBe('Old blog');
      expect(JSON.parse(row.labels_gadget)).toEqual(DEFAULT_LABELS_GADGET);
      expect(version()).toBeGreaterThan(start);
      sqlite.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
