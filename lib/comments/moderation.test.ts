import { describe, expect, it } from 'vitest';
import { hostileMarkup, hostilePlainText } from '@/test/hostile-text';
import {
  clientIp,
  countLinks,
  decideCommentStatus,
  findBlockedWord,
  hashIp,
  readFormTime,
  signFormTime,
  type ModerationInput,
} from './moderation';

const now = new Date('2024-06-01T12:00:00Z');
const base: ModerationInput = {
  mode: 'never',
  moderateAfterDays: 14,
  policy: 'inherit',
  postPublishedAt: new Date('2024-05-30T12:00:00Z'),
  now,
  honeypotFilled: false,
  fillTimeMs: 30_000,
  linkCount: 0,
  blockedWord: null,
  signedInAuthor: false,
  trustedCommenter: false,
  trustEnabled: true,
};

describe('decideCommentStatus', () => {
  it('publishes an ordinary comment when moderation is off', () => {
    expect(decideCommentStatus(base).status).toBe('published');
  });

  it('sends honeypot and blocked-word comments to spam, even from trusted commenters', () => {
    expect(decideCommentStatus({ ...base, honeypotFilled: true, trustedCommenter: true }).status).toBe('spam');
    expect(decideCommentStatus({ ...base, blockedWord: 'casino' }).status).toBe('spam');
  });

  it('holds forms sent too fast and comments with two or more links', () => {
    expect(decideCommentStatus({ ...base, fillTimeMs: 500 }).status).toBe('pending');
    expect(decideCommentStatus({ ...base, fillTimeMs: null }).status).toBe('pending');
    expect(decideCommentStatus({ ...base, linkCount: 1 }).status).toBe('published');
    expect(decideCommentStatus({ ...base, linkCount: 2 }).status).toBe('pending');
  });

  it('holds everything in "always" mode, unless the commenter was approved before', () => {
    expect(decideCommentStatus({ ...base, mode: 'always' }).status).toBe('pending');
    expect(decideCommentStatus({ ...base, mode: 'always', trustedCommenter: true }).status).toBe('published');
    expect(decideCommentStatus({ ...base, mode: 'always', trustedCommenter: true, trustEnabled: false }).status).toBe('pending');
  });

  it('holds comments on posts older than N days in "older" mode', () => {
    expect(decideCommentStatus({ ...base, mode: 'older' }).status).toBe('published');
    const old = new Date('2024-05-01T12:00:00Z');
    expect(decideCommentStatus({ ...base, mode: 'older', postPublishedAt: old }).status).toBe('pending');
  });

  it("lets the post's policy override the blog's mode", () => {
    expect(decideCommentStatus({ ...base, mode: 'never', policy: 'always' }).status).toBe('pending');
    expect(decideCommentStatus({ ...base, mode: 'always', policy: 'never' }).status).toBe('published');
  });

  it('publishes a signed-in author at once', () => {
    expect(decideCommentStatus({ ...base, mode: 'always', fillTimeMs: 10, signedInAuthor: true }).status).toBe('published');
  });
});

describe('spam signals', () => {
  it('counts links', () => {
    expect(countLinks('see https://a.example and http://b.example or www.c.example')).toBe(3);
    expect(countLinks('no links here, just a.b')).toBe(0);
  });

  it('finds blocked words case-insensitively, also with HTML stripped', () => {
    expect(findBlockedWord(['Cheap CASINO deals'], 'casino\nviagra')).toBe('casino');
    expect(findBlockedWord(['ca<b></b>sino'], 'casino')).toBe('casino');
    expect(findBlockedWord(['hello'], '\n \n')).toBeNull();
  });
});

describe('spam signals on 1 MB of hostile input (each within the default 5 s timeout)', () => {
  it.each(Object.entries({ ...hostilePlainText(), ...hostileMarkup() }))('%s', (_, input) => {
    expect(countLinks(input)).toBeGreaterThanOrEqual(0);
    expect(findBlockedWord([input, input.slice(0, 245)], 'casino\nviagra')).toBeNull();
    expect(findBlockedWord([`${input}casino`], 'casino')).toBe('casino');
  });
});

describe('form time tokens and IP hashes', () => {
  it('verifies a signed time and refuses a forged one', () => {
    const token = signFormTime(1_700_000_000_000, 'secret');
    expect(readFormTime(token, 'secret')).toBe(1_700_000_000_000);
    expect(readFormTime(token, 'other-secret')).toBeNull();
    expect(readFormTime(token.replace(/^\d/, '9'), 'secret')).toBeNull();
    expect(readFormTime('garbage', 'secret')).toBeNull();
  });

  it('hashes IPs stably without revealing them', () => {
    expect(hashIp('203.0.113.9', 's')).toBe(hashIp('203.0.113.9', 's'));
    expect(hashIp('203.0.113.9', 's')).not.toContain('203');
    expect(hashIp('203.0.113.9', 's')).not.toBe(hashIp('203.0.113.10', 's'));
  });

  it('takes the client IP from the nearest proxy', () => {
    expect(clientIp('198.51.100.1, 203.0.113.9')).toBe('203.0.113.9');
    expect(clientIp(null)).toBe('unknown');
  });
});
