import { createHmac, timingSafeEqual } from 'node:crypto';

/** The cookie that lets a writer see their own comments while they await moderation. */
export const HELD_COOKIE = 'blogstead_held';
const MAX_REMEMBERED = 20;

function mac(ids: string, secret: string): string {
  return createHmac('sha256', secret).update(`held:${ids}`).digest('base64url').slice(0, 22);
}

export function readHeldIds(cookie: string | undefined, secret: string): number[] {
  const match = /^([\d-]{1,400})\.([A-Za-z0-9_-]{22})$/.exec(cookie ?? '');
  if (!match) return [];
  const expected = Buffer.from(mac(match[1]!, secret));
  const given = Buffer.from(match[2]!);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return [];
  return match[1]!.split('-').map(Number).filter((n) => Number.isSafeInteger(n) && n > 0);
}

export function writeHeldIds(previous: number[], added: number, secret: string): string {
  const ids = [...previous.filter((id) => id !== added), added].slice(-MAX_REMEMBERED).join('-');
  return `${ids}.${mac(ids, secret)}`;
}
