import { beforeAll, describe, expect, it } from 'vitest';
import { createAuthor } from './authors';
import { countCommentsByStatus, createCommentChecked, listPublishedCommentsByPostId } from './comments';
import { countOutboxByStatus } from './mail-outbox';
import { migrateDatabase } from './migrate';
import { savePost } from './posts';

let postId: number;
let n = 0;

beforeAll(async () => {
  await migrateDatabase();
  const authorId = (await createAuthor({ name: 'Host', email: 'host@example.com' })).id;
  postId = (await savePost({ authorId, title: 'Talk', body: '<p>x</p>', labels: [], action: 'publish', timeZone: 'UTC' })).id;
});

function attempt(
  over: Partial<{ ip: string; email: string | null; body: string; name: string; key: string; at: Date }> = {},
  decide: (trusted: boolean) => 'published' | 'pending' | 'spam' = () => 'published',
) {
  n++;
  const at = over.at ?? new Date();
  return createCommentChecked({
    values: {
      postId,
      authorName: over.name ?? `Reader ${n}`,
      authorEmail: over.email ?? null,
      body: over.body ?? `Body ${n}`,
      ipHash: over.ip ?? `ip-${n}`,
      submissionKey: over.key ?? `key-${n}-abcdefghijklmnop`,
      createdAt: at,
    },
    floodSince: new Date(at.getTime() - 15_000),
    decide,
    notifyAddresses: ['owner@example.com'],
  });
}

describe('createCommentChecked', () => {
  it('stores a comment and queues a notification for it', async () => {
    const before = (await countOutboxByStatus()).waiting;
    const result = await attempt();
    expect(result.kind).toBe('created');
    expect((await countOutboxByStatus()).waiting).toBe(before + 1);
  });

  it('returns the stored comment when the same form is sent again', async () => {
    const first = await attempt({ key: 'same-form-key-123456' });
    const again = await attempt({ key: 'same-form-key-123456', body: 'different text' });
    expect(again.kind).toBe('existing');
    if (first.kind === 'created' && again.kind === 'existing') expect(again.comment.id).toBe(first.comment.id);
  });

  it('refuses a second comment from the same IP or email within 15 seconds, but not after', async () => {
    await attempt({ ip: 'flood-ip' });
    expect((await attempt({ ip: 'flood-ip' })).kind).toBe('flood');
    await attempt({ email: 'fast@example.com' });
    expect((await attempt({ email: 'fast@example.com' })).kind).toBe('flood');
    const later = new Date(Date.now() + 16_000);
    expect((await attempt({ ip: 'flood-ip', at: later })).kind).toBe('created');
  });

  it('refuses the same words from the same person on the same post', async () => {
    await attempt({ name: 'Echo', body: 'Same words' });
    expect((await attempt({ name: 'Echo', body: 'Same words' })).kind).toBe('duplicate');
    expect((await attempt({ name: 'Someone else', body: 'Same words' })).kind).toBe('created');
  });

  it('tells the decision whether this name and email together already have an approved comment', async () => {
    const seen: boolean[] = [];
    const decide = (trusted: boolean) => {
      seen.push(trusted);
      return 'pending' as const;
    };
    await attempt({ name: 'Nell New', email: 'new@example.com' }, decide);
    await attempt({ name: 'Rae Regular', email: 'trusted@example.com' });
    await attempt({ name: 'Rae Regular', email: 'trusted@example.com', at: new Date(Date.now() + 20_000) }, decide);
    expect(seen).toEqual([false, true]);
  });

  it("does not trust someone who only knows a regular's email (WordPress matches name and email together)", async () => {
    const seen: boolean[] = [];
    const decide = (trusted: boolean) => {
      seen.push(trusted);
      return 'pending' as const;
    };
    await attempt({ name: 'Gil Regular', email: 'gil@example.com', at: new Date(Date.now() - 60_000) });
    await attempt({ name: 'Mallory', email: 'gil@example.com', at: new Date(Date.now() + 40_000) }, decide);
    await attempt({ name: 'Gil Regular', email: null, at: new Date(Date.now() + 60_000) }, decide);
    // The same person typing their name or address in another case is still recognised.
    await attempt({ name: '  gil regular ', email: 'Gil@Example.COM', at: new Date(Date.now() + 80_000) }, decide);
    expect(seen).toEqual([false, false, true]);
  });

  it('does not trust a name and email whose only comments are held or spam', async () => {
    const seen: boolean[] = [];
    const decide = (trusted: boolean) => {
      seen.push(trusted);
      return 'pending' as const;
    };
    await attempt({ name: 'Held Hal', email: 'hal@example.com', at: new Date(Date.now() - 60_000) }, () => 'pending');
    await attempt({ name: 'Spam Sam', email: 'sam@example.com', at: new Date(Date.now() - 60_000) }, () => 'spam');
    await attempt({ name: 'Held Hal', email: 'hal@example.com', at: new Date(Date.now() + 100_000) }, decide);
    await attempt({ name: 'Spam Sam', email: 'sam@example.com', at: new Date(Date.now() + 100_000) }, decide);
    expect(seen).toEqual([false, false]);
  });

  it('counts only published comments on the page', async () => {
    const counts = await countCommentsByStatus();
    expect((await listPublishedCommentsByPostId(postId)).length).toBe(counts.published);
    expect(counts.pending).toBeGreaterThan(0);
  });
});
