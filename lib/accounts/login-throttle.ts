import { createHmac } from 'node:crypto';

/**
 * Ghost's two rules: an email tried from one address gets five attempts, then waits; one address
 * trying any emails gets more (an office of authors shares one address), then waits. The waits
 * double from 5 minutes up to an hour.
 */
export const FREE_ATTEMPTS = { pair: 5, address: 20 } as const;
export type LockScope = keyof typeof FREE_ATTEMPTS;
const FIRST_WAIT_MS = 5 * 60 * 1000;
const LONGEST_WAIT_MS = 60 * 60 * 1000;
/** Failures older than this are forgotten, so a slip last week does not count today. */
export const FAILURE_MEMORY_MS = 24 * 60 * 60 * 1000;

/** How long a key must wait after its Nth counted attempt: none before the free ones run out, then 5, 10, 20 … up to 60 minutes. */
export function lockDurationMs(attempts: number, free: number = FREE_ATTEMPTS.pair): number {
  if (attempts < free) return 0;
  return Math.min(LONGEST_WAIT_MS, FIRST_WAIT_MS * 2 ** (attempts - free));
}

export function minutesToWait(lockedUntil: Date, now: Date): number {
  return Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 60_000));
}

export type LoginKeys = Record<LockScope, string>;

/**
 * The two counters one sign-in attempt moves: its address, and its email from that address. Keyed
 * hashes, so the table holds neither addresses nor emails; emails compared as Auth.js finds them
 * (trimmed, any case).
 */
export function loginKeys(ip: string, email: string, secret: string): LoginKeys {
  const mac = (text: string) => createHmac('sha256', secret).update(text).digest('base64url').slice(0, 32);
  return { address: `ip:${mac(`ip:${ip}`)}`, pair: `pair:${mac(`pair:${email.trim().toLowerCase()}\n${ip}`)}` };
}

export function lockMessage(scope: LockScope, minutes: number): string {
  const wait = `Please wait ${minutes} ${minutes === 1 ? 'minute' : 'minutes'} and try again.`;
  return scope === 'pair'
    ? `Too many failed sign-ins to this account from your network. ${wait}`
    : `Too many failed sign-ins from your network. ${wait}`;
}

/**
 * The same two counters for forms that make the blog send mail ("Forgot your password?", Follow by
 * Email), kept apart from sign-ins and from each other, so asking for mail never locks anyone out of
 * signing in: one address and email pair gets five requests, one address twenty, then the same
 * doubling waits.
 */
export function mailRequestKeys(purpose: 'reset' | 'follow', ip: string, email: string, secret: string): LoginKeys {
  const keys = loginKeys(ip, email, secret);
  return { address: `${purpose}-${keys.address}`, pair: `${purpose}-${keys.pair}` };
}
