import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Links in mail that act without a session: confirming a follow, unfollowing, stopping reply
 * notices. Each carries what it is for, whom it names and when it was made, signed with the blog's
 * secret, so nothing needs storing and a forged or altered link is simply refused.
 */
export type MailLink =
  | { purpose: 'confirm'; followerId: number; email: string; issuedAt: number }
  | { purpose: 'unfollow'; followerId: number; email: string; issuedAt: number }
  | { purpose: 'replies'; email: string; issuedAt: number };

/** A confirmation link works for two days; unsubscribe links never expire (an old mail must still work). */
export const CONFIRM_LINK_LIFETIME_MS = 48 * 60 * 60 * 1000;

const tag = (payload: string, secret: string) => createHmac('sha256', `mail-link:${secret}`).update(payload).digest('base64url');

export function signMailLink(link: MailLink, secret: string): string {
  const payload = Buffer.from(JSON.stringify(link)).toString('base64url');
  return `${payload}.${tag(payload, secret)}`;
}

export type MailLinkCheck<P extends MailLink['purpose']> =
  | { ok: true; link: Extract<MailLink, { purpose: P }> }
  | { ok: false; reason: 'forged' | 'expired' };

export function readMailLink<P extends MailLink['purpose']>(token: string, purpose: P, secret: string, now = Date.now()): MailLinkCheck<P> {
  const [payload, mac, extra] = token.split('.');
  if (!payload || !mac || extra !== undefined || payload.length > 1000) return { ok: false, reason: 'forged' };
  const expected = Buffer.from(tag(payload, secret));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'forged' };
  let link: MailLink;
  try {
    link = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as MailLink;
  } catch {
    return { ok: false, reason: 'forged' };
  }
  if (link.purpose !== purpose) return { ok: false, reason: 'forged' };
  if (purpose === 'confirm' && now - link.issuedAt > CONFIRM_LINK_LIFETIME_MS) return { ok: false, reason: 'expired' };
  return { ok: true, link: link as Extract<MailLink, { purpose: P }> };
}
