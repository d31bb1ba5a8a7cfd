/**
 * What to do after a send fails. SMTP says it in the reply code: 4xx is "try later" (greylisting,
 * a full mailbox, rate limits), 5xx is "never" (no such user, refused). Anything without a reply
 * (server down, timeout, TLS) is temporary. A refused login (535) is the blog's own setting being
 * wrong, not the message: it waits for the setting to be fixed rather than failing every message.
 */
export type SendFailure = { responseCode?: number; code?: string; response?: string; message: string };

/** Waits after the 1st, 2nd … failed attempt: a day and a half of tries in all. */
export const RETRY_DELAYS_MS = [1, 2, 5, 10, 30, 60, 120, 240, 480, 720].map((minutes) => minutes * 60_000);

export type RetryDecision = { kind: 'retry'; at: Date; answer: string } | { kind: 'give-up'; answer: string };

export function describeFailure(failure: SendFailure): string {
  const text = (failure.response || failure.message || 'unknown error').replace(/\s+/g, ' ').trim();
  return (failure.code && !text.includes(failure.code) ? `${failure.code}: ${text}` : text).slice(0, 500);
}

export function isPermanent(failure: SendFailure): boolean {
  if (failure.code === 'EAUTH') return false;
  // nodemailer refuses a malformed message or address itself, before any server sees it.
  if (failure.code === 'EENVELOPE' && !failure.responseCode) return true;
  return failure.responseCode !== undefined && failure.responseCode >= 500 && failure.responseCode < 600;
}

export function decideRetry(failure: SendFailure, attempts: number, now: Date, delays: number[] = RETRY_DELAYS_MS): RetryDecision {
  const answer = describeFailure(failure);
  if (isPermanent(failure)) return { kind: 'give-up', answer };
  const wait = delays[attempts - 1];
  if (wait === undefined) return { kind: 'give-up', answer: `gave up after ${attempts} attempts; last answer: ${answer}` };
  return { kind: 'retry', at: new Date(now.getTime() + wait), answer };
}
