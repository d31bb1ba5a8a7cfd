import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAuthor } from '@/db/authors';
import { getDb } from '@/db/client';
import { createCommentChecked, setCommentsStatus } from '@/db/comments';
import { confirmFollower, requestFollow } from '@/db/followers';
import { claimNextMail, listOutboxIds, queueDuePostMailings, queueMail } from '@/db/mail-outbox';
import { migrateDatabase } from '@/db/migrate';
import { savePost } from '@/db/posts';
import { mailOutbox, type MailMessage } from '@/db/schema';
import { updateSettings } from '@/db/settings';
import { hashPassword } from '@/lib/accounts/password';
import { startMailCatcher, type MailCatcher } from '@/test/mail-catcher';
import { MailSender } from './mail-sender';

// The sender against a real SMTP server on localhost (test/mail-catcher.ts), never a mock.

let catcher: MailCatcher;
let refusals = new Map<string, { code: number; message: string }>();
let sender: MailSender | null = null;
let authorId: number;
let postId: number;
let n = 0;

const origin = 'https://blog.example.org';

function newSender(port: number, over: Partial<ConstructorParameters<typeof MailSender>[0]> = {}) {
  sender = new MailSender({
    settings: { smtpUrl: `smtp://127.0.0.1:${port}`, from: { name: 'Field Notes', address: 'blog@example.org' }, origin, perMinute: 6000 },
    secret: 'test-secret',
    pollMs: 20,
    retryDelaysMs: [50, 50, 50],
    log: (line) => process.env.MAIL_TEST_LOG && console.log(line),
    ...over,
  });
  sender.start();
  return sender;
}

function row(id: number): MailMessage {
  return getDb().select().from(mailOutbox).where(eq(mailOutbox.id, id)).get()!;
}

async function until<T>(read: () => T | undefined | Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const sentRow = (id: number) => until(() => (['sent', 'failed'].includes(row(id).status) ? row(id) : undefined));

beforeAll(async () => {
  await migrateDatabase();
  await updateSettings({ blogTitle: 'Field Notes', notifyEmails: 'notify@example.org' });
  authorId = (await createAuthor({ name: 'Host', email: 'host@example.org' })).id;
  getDb().$client.prepare('update authors set password_hash = ? where id = ?').run(await hashPassword('a long password here'), authorId);
  postId = (await savePost({ authorId, title: 'Open post', body: '<p>x</p>', labels: [], action: 'publish', timeZone: 'UTC' })).id;
  catcher = await startMailCatcher({ refuse: (address) => refusals.get(address) });
});

afterEach(async () => {
  await sender?.stop();
  sender = null;
  refusals = new Map();
  // Each test starts with nothing left waiting from another.
  getDb().$client.prepare(`update mail_outbox set status = 'failed' where status = 'waiting'`).run();
});

afterAll(() => catcher.close());

async function testMail(to: string, subject = 'Hello') {
  return (await queueMail({ kind: 'test', toAddress: to, subject, textBody: 'Plain words.', htmlBody: '<p>Plain words.</p>' }))!;
}

describe('MailSender', () => {
  it('sends a queued message once and records the server’s answer and the Message-ID it used', async () => {
    const id = await testMail('one@example.net');
    newSender(catcher.port);
    const done = await sentRow(id);
    expect(done.status).toBe('sent');
    expect(done.lastResponse).toMatch(/^250/);
    expect(done.attempts).toBe(1);
    const mail = await catcher.waitFor((m) => m.to.includes('one@example.net'));
    expect(mail.messageId).toBe(done.messageId);
    expect(mail.headers.from).toBe('Field Notes <blog@example.org>');
    expect(catcher.messages.filter((m) => m.to.includes('one@example.net'))).toHaveLength(1);
  });

  it('retries a "try later" (4xx) with backoff and delivers it when the server accepts, under the same Message-ID', async () => {
    refusals.set('later@example.net', { code: 450, message: 'Mailbox busy, try later' });
    const id = await testMail('later@example.net');
    newSender(catcher.port);
    await until(() => (row(id).attempts >= 2 ? true : undefined));
    expect(row(id).status).toBe('waiting');
    expect(row(id).lastResponse).toContain('Mailbox busy');
    const firstId = row(id).messageId;
    refusals.delete('later@example.net');
    const done = await sentRow(id);
    expect(done.status).toBe('sent');
    expect(done.messageId).toBe(firstId);
    expect((await catcher.waitFor((m) => m.to.includes('later@example.net'))).messageId).toBe(firstId);
  });

  it('stops after a permanent refusal (5xx) and keeps the answer', async () => {
    refusals.set('nobody@example.net', { code: 550, message: 'No such user here' });
    const id = await testMail('nobody@example.net');
    newSender(catcher.port);
    const done = await sentRow(id);
    expect(done.status).toBe('failed');
    expect(done.attempts).toBe(1);
    expect(done.lastResponse).toContain('No such user here');
  });

  it('keeps trying while the SMTP server is down, then delivers once it is up', async () => {
    const late = await startMailCatcher();
    const port = late.port;
    await late.close();
    const id = await testMail('patient@example.net');
    newSender(port, { retryDelaysMs: [30, 30, 30, 30, 30, 30, 30, 30] });
    await until(() => (row(id).attempts >= 1 && row(id).lastResponse ? true : undefined));
    expect(row(id).status).toBe('waiting');
    expect(row(id).lastResponse).toMatch(/ECONNREFUSED|connect/i);
    const back = await startMailCatcher({ port });
    try {
      expect((await sentRow(id)).status).toBe('sent');
      await back.waitFor((m) => m.to.includes('patient@example.net'));
    } finally {
      // The sender keeps its connection open for the next message; the server waits for it to close.
      await sender?.stop();
      await back.close();
    }
  }, 30_000);

  it('paces messages to the rate it is given', async () => {
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push(await testMail(`paced${i}@example.net`));
    newSender(catcher.port, {
      settings: { smtpUrl: `smtp://127.0.0.1:${catcher.port}`, from: { name: 'Field Notes', address: 'blog@example.org' }, origin, perMinute: 300 },
    });
    for (const id of ids) await sentRow(id);
    const times = catcher.messages.filter((m) => m.to[0]!.startsWith('paced')).map((m) => m.receivedAt);
    expect(times).toHaveLength(5);
    // 300 a minute is one every 200 ms: five take four gaps (the first message's connection
    // setup can shorten the first gap as seen by the server, so three are counted).
    expect(times.at(-1)! - times[0]!).toBeGreaterThanOrEqual(3 * 200);
  });

  it('never lets two senders claim the same message', async () => {
    await testMail('claimed@example.net');
    const [a, b] = await Promise.all([claimNextMail({ leaseMs: 60_000 }), claimNextMail({ leaseMs: 60_000 })]);
    expect(a?.toAddress).toBe('claimed@example.net');
    expect(b).toBeUndefined();
    // Once the lease is over, a sender that died holding it no longer blocks the message.
    const later = await claimNextMail({ leaseMs: 60_000, now: new Date(Date.now() + 61_000) });
    expect(later?.id).toBe(a?.id);
    expect(later?.attempts).toBe(2);
  });
});

describe('comment notices', () => {
  async function comment(over: { name?: string; body?: string; status?: 'published' | 'pending' | 'spam'; parentId?: number; email?: string; notifyReplies?: boolean } = {}) {
    n++;
    const result = await createCommentChecked({
      values: {
        postId,
        parentId: over.parentId ?? null,
        authorName: over.name ?? `Reader ${n}`,
        authorEmail: over.email ?? `reader${n}@example.net`,
        body: over.body ?? `Comment number ${n}`,
        ipHash: `ip-${n}`,
        submissionKey: `key-${n}-xxxxxxxxxxxxxxxx`,
        notifyReplies: over.notifyReplies ?? false,
      },
      floodSince: new Date(Date.now() - 15_000),
      decide: () => over.status ?? 'published',
      notifyAddresses: ['host@example.org', 'notify@example.org', 'HOST@example.org'],
    });
    if (result.kind !== 'created') throw new Error(result.kind);
    return result.comment;
  }

  it('mails the post’s author and the notification address once each, with links to moderate; held ones say so', async () => {
    newSender(catcher.port);
    const published = await comment({ body: 'What a fine post.' });
    const held = await comment({ status: 'pending', body: 'Buy my stuff.' });
    const mails = await until(() => {
      const list = catcher.messages.filter((m) => m.text.includes('What a fine post.') || m.text.includes('Buy my stuff.'));
      return list.length >= 4 ? list : undefined;
    });
    expect(mails.map((m) => m.to[0]).sort()).toEqual(['host@example.org', 'host@example.org', 'notify@example.org', 'notify@example.org']);
    const notice = mails.find((m) => m.text.includes('What a fine post.'))!;
    expect(notice.subject).toBe('[Field Notes] New comment: “Open post”');
    expect(notice.text).toContain(`${origin}/admin/comments/${published.id}`);
    expect(notice.html).toContain('#b4410f');
    expect(notice.html).not.toMatch(/<img|src=/i);
    const heldNotice = mails.find((m) => m.text.includes('Buy my stuff.'))!;
    expect(heldNotice.subject).toBe('[Field Notes] Comment awaiting moderation: “Open post”');
    expect(heldNotice.text).toContain(`${origin}/admin/comments/${held.id}`);
  });

  it('sends nothing about spam', async () => {
    const before = (await listOutboxIds()).length;
    await comment({ status: 'spam' });
    expect((await listOutboxIds()).length).toBe(before);
  });

  it('cannot be made to add a header: a name with line breaks stays in the body, on one line', async () => {
    newSender(catcher.port);
    await comment({ name: 'Eve\r\nBcc: victim@example.net\r\nSubject: pwned', body: 'Injected?' });
    const mail = await catcher.waitFor((m) => m.text.includes('Injected?'));
    expect(mail.headers.bcc).toBeUndefined();
    expect(mail.subject).not.toContain('pwned');
    expect(catcher.messages.some((m) => m.to.includes('victim@example.net'))).toBe(false);
  });

  it('mails a published reply to those in the thread who asked, with a one-click unsubscribe header, once', async () => {
    newSender(catcher.port);
    const top = await comment({ email: 'asker@example.net', notifyReplies: true });
    await comment({ email: 'quiet@example.net', parentId: top.id });
    const held = await comment({ email: 'replier@example.net', parentId: top.id, status: 'pending', body: 'A held reply.' });
    await setCommentsStatus({ ids: [held.id], status: 'published' });
    await setCommentsStatus({ ids: [held.id], status: 'published' });
    const mail = await catcher.waitFor((m) => m.to.includes('asker@example.net') && m.text.includes('A held reply.'));
    expect(mail.headers['list-unsubscribe']).toMatch(new RegExp(`^<${origin}/email/unsubscribe\\?token=`));
    expect(mail.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    expect(mail.text).toContain(`${origin}/email/unsubscribe/`);
    const replies = (await listOutboxIds()).filter((m) => m.toAddress === 'asker@example.net');
    // One notice for the quiet reply, one for the held one approved (twice): two in all.
    expect(replies).toHaveLength(2);
    expect((await listOutboxIds()).some((m) => m.toAddress === 'quiet@example.net')).toBe(false);
  });
});

describe('followers', () => {
  it('get a post once it is visible (a scheduled one at its time), never twice after an edit', async () => {
    const writeConfirmation = () => ({ subject: 'Confirm', text: 'confirm', html: '<p>confirm</p>' });
    const asked = await requestFollow({ email: 'Fan@Example.net', writeConfirmation });
    expect(asked.kind).toBe('queued');
    expect((await requestFollow({ email: 'fan@example.net', writeConfirmation })).kind).toBe('recently-sent');
    if (asked.kind !== 'queued') return;
    await confirmFollower({ id: asked.follower.id, email: 'fan@example.net' });
    await requestFollow({ email: 'pending@example.net', writeConfirmation });

    const at = new Date(Date.now() + 60 * 60 * 1000);
    const scheduled = await savePost({ authorId, title: 'Later', body: '<p>Soon.</p>', labels: [], action: 'schedule', scheduleAt: at, timeZone: 'UTC' });
    expect(await queueDuePostMailings({ now: new Date() })).toEqual([]);
    expect(await queueDuePostMailings({ now: new Date(at.getTime() + 1) })).toEqual([{ postId: scheduled.id, recipients: 1 }]);

    const now = await savePost({ authorId, title: 'Now', body: '<p>Fresh.</p>', labels: [], action: 'publish', timeZone: 'UTC' });
    expect(await queueDuePostMailings()).toEqual([{ postId: now.id, recipients: 1 }]);
    await savePost({ id: now.id, authorId, title: 'Now, edited', body: '<p>Fresh.</p>', labels: [], action: 'publish', timeZone: 'UTC' });
    await savePost({ id: now.id, authorId, title: 'Now, edited', body: '<p>Fresh.</p>', labels: [], action: 'draft', timeZone: 'UTC' });
    await savePost({ id: now.id, authorId, title: 'Now, again', body: '<p>Fresh.</p>', labels: [], action: 'publish', timeZone: 'UTC' });
    expect(await queueDuePostMailings()).toEqual([]);
    const copies = (await listOutboxIds()).filter((m) => m.toAddress === 'fan@example.net');
    expect(copies).toHaveLength(3); // the confirmation and the two posts
  });
});
