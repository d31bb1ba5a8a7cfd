import { describe, expect, it } from 'vitest';
import { lockDurationMs, minutesToWait } from './login-throttle';

describe('lockDurationMs', () => {
  it('lets five attempts through, then waits minutes that grow, up to an hour', () => {
    expect([1, 2, 3, 4].map(lockDurationMs)).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8, 9, 20].map((n) => lockDurationMs(n) / 60_000)).toEqual([5, 10, 20, 40, 60, 60]);
  });

  it('rounds the wait up to whole minutes', () => {
    expect(minutesToWait(new Date(61_000), new Date(0))).toBe(2);
    expect(minutesToWait(new Date(1_000), new Date(0))).toBe(1);
  });
});
