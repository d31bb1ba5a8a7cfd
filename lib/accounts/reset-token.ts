import { createHash, randomBytes } from 'node:crypto';

/** Long enough to open it; short enough that a link left in a chat or a log soon opens nothing. */
export const RESET_LINK_LIFETIME_MS = 60 * 60 * 1000;

/** 256 random bits: far beyond guessing, so a plain SHA-256 of it is safe to store and look up. */
export function newResetToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashResetToken(token) };
}

export function hashResetToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
