import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterAll, expect, it } from 'vitest';
import { getDb } from './client';
import { migrationsFolder } from './migrate';

// Comment notifications that waited in the old comment_notifications table (nothing sent them)
// must survive its change into mail_outbox: one message per recipient, the post's author added.

const before = mkdtempSync(path.join(tmpdir(), 'blogstead-migrations-'));
afterAll(() => rmSync(before, { recursive: true, force: true }));

it('moves every waiting comment notification into the outbox, one message per recipient, none for spam', () => {
  cpSync(migrationsFolder, before, { recursive: true });
  const journalFile = path.join(before, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  const upTo = journal.entries.findIndex((entry) => entry.tag.endsWith('_mail_outbox'));
  expect(upTo).toBeGreaterThan(0);
  writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, upTo) }));
  const db = getDb();
  migrate(db, { migrationsFolder: before });

  const sqlite = db.$client;
  sqlite.prepare(`insert into authors (id, name, email) values (1, 'Host', 'host@example.org')`).run();
  sqlite.prepare(`insert into posts (id, title, slug, body, updated_at, author_id, status, permalink) values (1, 'P', 'p', '', 0, 1, 'published', '/2026/01/p.html')`).run();
  const comment = sqlite.prepare(`insert into comments (id, post_id, author_name, body, status, is_post_author) values (?, 1, 'R', 'x', ?, ?)`);
  comment.run(1, 'published', 0);
  comment.run(2, 'pending', 0);
  comment.run(3, 'spam', 0);
  comment.run(4, 'published', 1);
  const notification = sqlite.prepare(`insert into comment_notifications (comment_id, recipients, created_at) values (?, ?, ?)`);
  notification.run(1, 'a@example.org, B@example.org', 1000);
  notification.run(2, '', 2000);
  notification.run(3, 'a@example.org', 3000);
  notification.run(4, 'host@example.org', 4000);

  migrate(db, { migrationsFolder });

  const rows = sqlite.prepare(`select kind, to_address as "to", comment_id as comment, status from mail_outbox order by comment_id, to_address`).all();
  expect(rows).toEqual([
    { kind: 'comment', to: 'a@example.org', comment: 1, status: 'waiting' },
    { kind: 'comment', to: 'b@example.org', comment: 1, status: 'waiting' },
    { kind: 'comment', to: 'host@example.org', comment: 1, status: 'waiting' },
    { kind: 'comment', to: 'host@example.org', comment: 2, status: 'waiting' },
    // The author's own comment: only the listed address, which is theirs, once.
    { kind: 'comment', to: 'host@example.org', comment: 4, status: 'waiting' },
  ]);
  expect(sqlite.prepare(`select count(*) as n from sqlite_master where name = 'comment_notifications'`).get()).toEqual({ n: 0 });
});
