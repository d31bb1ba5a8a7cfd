import { beforeAll, describe, expect, it } from 'vitest';
import { createAuthor } from './authors';
import { getDb } from './client';
import { createCommentChecked } from './comments';
import { migrateDatabase } from './migrate';
import { savePost } from './posts';

// Comments that arrive together are written in one transaction (group commit). Each story here
// sends its comments without waiting between them, so they share a batch, and expects what the
// same comments sent one after another would get.

let postId: number;
let n = 0;

beforeAll(async () => {
  await migrateDatabase();
  const authorId = (await createAuthor({ name: 'Host', email: 'host@example.com' })).id;
  postId = (await savePost({ authorId, title: 'Busy post', body: '<p>x</p>', labels: [], action: 'publish', timeZone: 'UTC' })).id;
});

function send(over: Partial<{ ip: string; email: string | null; body: string; name: string; key: string; post: number }> = {}) {
  n++;
  const at = new Date();
  return createCommentChecked({
    values: {
      postId: over.post ?? postId,
      authorName: over.name ?? `Batch reader ${n}`,
      authorEmail: over.email ?? null,
      body: over.body ?? `Batch body ${n}`,
      ipHash: over.ip ?? `batch-ip-${n}`,
      submissionKey: over.key ?? `batch-key-${n}-abcdefghijklmnop`,
      createdAt: at,
    },
    floodSince: new Date(at.getTime() - 15_000),
    decide: () => 'published',
    notifyAddresses: ['owner@example.com'],
  });
}

function storedWithKey(key: string): number {
  return (getDb().$client.prepare('select count(*) as n from comments where submission_key = ?').get(key) as { n: number }).n;
}

describe('comments sent together', () => {
  it('refuses the second of two comments from one address, as if they had come one after the other', async () => {
    const results = await Promise.all([send({ ip: 'same-address' }), send({ ip: 'same-address' })]);
    expect(results.map((r) => r.kind)).toEqual(['created', 'flood']);
  });

  it('stores a form sent twice at once only once, and answers both with that comment', async () => {
    const [first, again] = await Promise.all([send({ key: 'double-click-key-0001' }), send({ key: 'double-click-key-0001' })]);
    expect([first.kind, again.kind]).toEqual(['created', 'existing']);
    if (first.kind !== 'created' || again.kind !== 'existing') return;
    expect(again.comment).toEqual(first.comment);
    expect(storedWithKey('double-click-key-0001')).toBe(1);
  });

  it('acknowledges nobody in a batch whose transaction fails, and stores nothing of it', async () => {
    // A deferred constraint that the comment named "Commit Breaker" violates: its transaction can
    // only fail at COMMIT, after every check and insert of the batch has run.
    const sqlite = getDb().$client;
    sqlite.exec(`
      create temp table commit_guard_parent (id integer primary key);
      create temp table commit_guard (ref integer references commit_guard_parent(id) deferrable initially deferred);
      create temp trigger commit_breaker after insert on main.comments when new.author_name = 'Commit Breaker'
      begin insert into commit_guard values (42); end;
    `);
    try {
      const outcomes = await Promise.allSettled([
        send({ key: 'innocent-bystander-0001' }),
        send({ key: 'commit-breaker-000001', name: 'Commit Breaker' }),
      ]);
      expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
      expect(storedWithKey('innocent-bystander-0001')).toBe(0);
      expect(storedWithKey('commit-breaker-000001')).toBe(0);
    } finally {
      sqlite.exec('drop trigger temp.commit_breaker; drop table temp.commit_guard; drop table temp.commit_guard_parent;');
    }
    // The writer goes on: the next comment is stored.
    expect((await send({ key: 'after-the-failure-0001' })).kind).toBe('created');
  });

  it('refuses only the comment whose own write fails; the others sent with it are stored', async () => {
    const outcomes = await Promise.allSettled([
      send({ key: 'before-the-bad-one-01' }),
      send({ key: 'on-a-missing-post-001', post: 999_999 }),
      send({ key: 'after-the-bad-one-001' }),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(storedWithKey('before-the-bad-one-01')).toBe(1);
    expect(storedWithKey('on-a-missing-post-001')).toBe(0);
    expect(storedWithKey('after-the-bad-one-001')).toBe(1);
  });
});
