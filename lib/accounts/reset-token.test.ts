import { describe, expect, it } from 'vitest';
import { hashResetToken, newResetToken, RESET_LINK_LIFETIME_MS } from './reset-token';

describe('reset tokens', () => {
  it('are long, random and URL-safe, and only their hash is meant to be stored', () => {
    const a = newResetToken();
    const b = newResetToken();
    expect(a.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.token).not.toBe(b.token);
    expect(a.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.tokenHash).not.toContain(a.token);
    expect(hashResetToken(a.token)).toBe(a.tokenHash);
  });

  it('hash anything a visitor types without throwing, so a forged link is simply unknown', () => {
    for (const forged of ['', 'x', '%00', 'a'.repeat(10_000), '../../etc/passwd']) expect(hashResetToken(forged)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('last an hour', () => {
    expect(RESET_LINK_LIFETIME_MS).toBe(60 * 60 * 1000);
  });
});
