import { describe, expect, it } from 'vitest';
import { mailSetup, oneLine, parseMailbox } from './config';
import { decideRetry } from './retry';
import { commentNotice, postMail } from './templates';
import { CONFIRM_LINK_LIFETIME_MS, readMailLink, signMailLink } from './tokens';

describe('mail links', () => {
  const link = { purpose: 'confirm' as const, followerId: 7, email: 'fan@example.net', issuedAt: 1_000_000 };

  it('reads back what was signed, and refuses anything altered, reused for another purpose or signed with another secret', () => {
    const token = signMailLink(link, 's1');
    expect(readMailLink(token, 'confirm', 's1', link.issuedAt + 1)).toEqual({ ok: true, link });
    const [payload, mac] = token.split('.');
    const other = Buffer.from(JSON.stringify({ ...link, followerId: 8 })).toString('base64url');
    expect(readMailLink(`${other}.${mac}`, 'confirm', 's1', link.issuedAt)).toEqual({ ok: false, reason: 'forged' });
    expect(readMailLink(`${payload}.${mac}x`, 'confirm', 's1', link.issuedAt)).toEqual({ ok: false, reason: 'forged' });
    expect(readMailLink(token, 'unfollow', 's1', link.issuedAt)).toEqual({ ok: false, reason: 'forged' });
    expect(readMailLink(token, 'confirm', 's2', link.issuedAt)).toEqual({ ok: false, reason: 'forged' });
    expect(readMailLink('garbage', 'confirm', 's1')).toEqual({ ok: false, reason: 'forged' });
  });

  it('lets a confirmation expire after two days, an unsubscribe link never', () => {
    expect(readMailLink(signMailLink(link, 's'), 'confirm', 's', link.issuedAt + CONFIRM_LINK_LIFETIME_MS + 1)).toEqual({ ok: false, reason: 'expired' });
    const unfollow = signMailLink({ ...link, purpose: 'unfollow' }, 's');
    expect(readMailLink(unfollow, 'unfollow', 's', link.issuedAt + 10 * 365 * 24 * 3600_000).ok).toBe(true);
  });
});

describe('mail setup', () => {
  it('needs SMTP_URL, MAIL_FROM and SITE_URL, and says which is missing', () => {
    expect(mailSetup({})).toEqual({ ready: false, problems: [expect.stringContaining('SMTP_URL'), expect.stringContaining('MAIL_FROM'), expect.stringContaining('SITE_URL')] });
    expect(mailSetup({ SMTP_URL: 'http://x', MAIL_FROM: 'nope', SITE_URL: 'https://b.example' })).toEqual({
      ready: false,
      problems: [expect.stringContaining('smtp://'), expect.stringContaining('not an email address')],
    });
    expect(mailSetup({ SMTP_URL: 'smtps://u:p@smtp.example:465', MAIL_FROM: 'My Blog <blog@example.org>', SITE_URL: 'https://b.example/x' })).toEqual({
      ready: true,
      settings: { smtpUrl: 'smtps://u:p@smtp.example:465', from: { name: 'My Blog', address: 'blog@example.org' }, origin: 'https://b.example', perMinute: 60 },
    });
  });

  it('keeps names and subjects on one line', () => {
    expect(oneLine('Eve\r\nBcc: x@example.net')).toBe('Eve Bcc: x@example.net');
    expect(parseMailbox('"Blog\r\nBcc: x@y.z" <a@example.org>')).toEqual({ name: 'Blog Bcc: x@y.z', address: 'a@example.org' });
    const mail = commentNotice({
      blog: { title: 'T\nX-Evil: 1', origin: 'https://b.example' },
      post: { title: 'Post\r\nBcc: victim@example.net', permalink: '/2026/01/p.html' },
      comment: { id: 1, authorName: 'A', authorEmail: null, authorUrl: null, body: 'Hi', status: 'published' },
    });
    expect(mail.subject).not.toMatch(/[\r\n]/);
  });
});

describe('retries', () => {
  const now = new Date(0);
  it('waits longer after each temporary failure, gives up on a permanent one or after the last wait', () => {
    expect(decideRetry({ responseCode: 451, message: 'later' }, 1, now, [10, 20])).toMatchObject({ kind: 'retry', at: new Date(10) });
    expect(decideRetry({ code: 'ECONNECTION', message: 'refused' }, 2, now, [10, 20])).toMatchObject({ kind: 'retry', at: new Date(20) });
    expect(decideRetry({ code: 'ECONNECTION', message: 'refused' }, 3, now, [10, 20])).toMatchObject({ kind: 'give-up' });
    expect(decideRetry({ responseCode: 550, response: '550 No such user', message: 'x' }, 1, now)).toEqual({ kind: 'give-up', answer: '550 No such user' });
    // A refused login is the blog's setting, not the message: it waits to be fixed.
    expect(decideRetry({ responseCode: 535, code: 'EAUTH', message: 'bad login' }, 1, now).kind).toBe('retry');
  });
});

describe('templates', () => {
  it('send a post up to Read more, links made absolute, with no images or anything remote', () => {
    const mail = postMail({
      blog: { title: 'Field Notes', origin: 'https://b.example' },
      post: {
        title: 'Spring',
        permalink: '/2026/03/spring.html',
        body: '<p>Buds <a href="/p/about.html">about</a> <img src="https://tracker.example/p.gif" alt="x"></p><a name="more"></a><p>The rest.</p>',
        authorName: 'Ada',
        publishedAt: 'Monday, March 2, 2026',
      },
      unsubscribeUrl: 'https://b.example/email/unsubscribe/t',
    });
    expect(mail.html).toContain('href="https://b.example/p/about.html"');
    expect(mail.html).not.toMatch(/<img|tracker\.example/);
    expect(mail.html).not.toContain('The rest.');
    expect(mail.text).toContain('Read more:\nhttps://b.example/2026/03/spring.html');
    expect(mail.text).toContain('Unsubscribe: https://b.example/email/unsubscribe/t');
  });
});
