import { createHmac, timingSafeEqual } from 'node:crypto';
import { htmlToText } from '../posts/content';

/** WordPress's flood rule: a second comment from one IP or email within this window is refused. */
export const FLOOD_WINDOW_MS = 15_000;
/** A human needs longer than this to read a post and write; faster forms are held for a look. */
export const MIN_FILL_MS = 2_000;
/** Two or more links hold a comment for moderation (WordPress's default is 2). */
export const MAX_LINKS = 1;

export type CommentPolicy = 'inherit' | 'always' | 'never' | 'closed';
export type ModerationMode = 'always' | 'older' | 'never';

export function countLinks(text: string): number {
  return (text.match(/\bhttps?:\/\/|\bwww\.[a-z0-9-]+\./gi) ?? []).length;
}

/** The first blocked word or phrase found, case-insensitive, also in the text with any HTML stripped. */
export function findBlockedWord(fields: string[], blockedWords: string): string | null {
  const words = blockedWords
    .split(/\r?\n/)
    .map((w) => w.trim().toLowerCase())
    .filter(Boolean);
  if (words.length === 0) return null;
  const haystacks = fields.flatMap((f) => [f.toLowerCase(), htmlToText(f).toLowerCase()]);
  return words.find((word) => haystacks.some((h) => h.includes(word))) ?? null;
}

export type ModerationInput = {
  mode: ModerationMode;
  moderateAfterDays: number;
  policy: CommentPolicy;
  postPublishedAt: Date;
  now: Date;
  honeypotFilled: boolean;
  fillTimeMs: number | null;
  linkCount: number;
  blockedWord: string | null;
  signedInAuthor: boolean;
  trustedCommenter: boolean;
  trustEnabled: boolean;
};

/**
 * Where a new comment goes, and why. Spam signals first (honeypot, blocked words); authors
 * signed in are trusted; then the hold rules: a suspiciously fast form, too many links, and
 * the blog's or the post's moderation mode (which a previously approved commenter skips).
 */
export function decideCommentStatus(input: ModerationInput): { status: 'published' | 'pending' | 'spam'; reason: string } {
  if (input.honeypotFilled) return { status: 'spam', reason: 'honeypot' };
  if (input.blockedWord) return { status: 'spam', reason: `blocked word "${input.blockedWord}"` };
  if (input.signedInAuthor) return { status: 'published', reason: 'signed-in author' };
  if (input.fillTimeMs === null || input.fillTimeMs < MIN_FILL_MS) return { status: 'pending', reason: 'sent too fast' };
  if (input.linkCount > MAX_LINKS) return { status: 'pending', reason: `${input.linkCount} links` };

  const mode: ModerationMode = input.policy === 'always' ? 'always' : input.policy === 'never' ? 'never' : input.mode;
  const ageDays = (input.now.getTime() - input.postPublishedAt.getTime()) / 86_400_000;
  const held = mode === 'always' || (mode === 'older' && ageDays > input.moderateAfterDays);
  if (!held) return { status: 'published', reason: 'no moderation' };
  if (input.trustEnabled && input.trustedCommenter) return { status: 'published', reason: 'previously approved commenter' };
  return { status: 'pending', reason: mode === 'always' ? 'all comments are moderated' : `post older than ${input.moderateAfterDays} days` };
}

/** Keyed hash of an IP: flood control can compare, nobody can read the address back. */
export function hashIp(ip: string, secret: string): string {
  return createHmac('sha256', secret).update(`ip:${ip}`).digest('base64url').slice(0, 32);
}

/** A signed "form shown at" time, so the minimum fill time can't be faked by the sender. */
export function signFormTime(at: number, secret: string): string {
  const mac = createHmac('sha256', secret).update(`form:${at}`).digest('base64url').slice(0, 22);
  return `${at}.${mac}`;
}

export function readFormTime(token: string | null | undefined, secret: string): number | null {
  const match = /^(\d{10,16})\.([A-Za-z0-9_-]{22})$/.exec(token ?? '');
  if (!match) return null;
  const at = Number(match[1]);
  const expected = Buffer.from(signFormTime(at, secret));
  const given = Buffer.from(token!);
  return expected.length === given.length && timingSafeEqual(expected, given) ? at : null;
}

/** The client address as the nearest proxy saw it: the last X-Forwarded-For entry. */
export function clientIp(forwardedFor: string | null): string {
  const last = forwardedFor?.split(',').map((s) => s.trim()).filter(Boolean).at(-1);
  return last ?? 'unknown';
}
