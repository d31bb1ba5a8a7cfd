import { describe, expect, it } from 'vitest';
import { FREE_ATTEMPTS, lockDurationMs, loginKeys, minutesToWait } from './login-throttle';

describe('lockDurationMs', () => {
  it('lets five attempts through, then waits minutes that grow, up to an hour', () => {
    expect([1, 2, 3, 4].map((n) => lockDurationMs(n))).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8, 9, 20].map((n) => lockDurationMs(n) / 60_000)).toEqual([5, 10, 20, 40, 60, 60]);
  });

  it('gives an address more attempts than one email from it, with the same growing waits', () => {
    expect(lockDurationMs(19, FREE_ATTEMPTS.address)).toBe(0);
    expect([20, 21, 30].map((n) => lockDurationMs(n, FREE_ATTEMPTS.address) / 60_000)).toEqual([5, 10, 60]);
  });

  it('rounds the wait up to whole minutes', () => {
    expect(minutesToWait(new Date(61_000), new Date(0))).toBe(2);
    expect(minutesToWait(new Date(1_000), new Date(0))).toBe(1);
  });
});

describe('loginKeys', () => {
  it('keeps neither the address nor the email, and treats an email in any case as one', () => {
    const keys = loginKeys('192.0.2.1', 'Admin@Example.com ', 's');
    expect(JSON.stringify(keys)).not.toMatch(/192|admin/i);
    expect(loginKeys('192.0.2.1', 'admin@example.com', 's')).toEqual(keys);
    expect(loginKeys('192.0.2.2', 'admin@example.com', 's').pair).not.toBe(keys.pair);
  });
});
