/** Ghost's rule: five wrong sign-ins from one address, then a wait. */
export const FREE_FAILURES = 5;
const FIRST_WAIT_MS = 5 * 60 * 1000;
const LONGEST_WAIT_MS = 60 * 60 * 1000;
/** Failures older than this are forgotten, so a slip last week does not count today. */
export const FAILURE_MEMORY_MS = 24 * 60 * 60 * 1000;

/** How long an address must wait after its Nth failure: none for the first five, then 5, 10, 20 … up to 60 minutes. */
export function lockDurationMs(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(LONGEST_WAIT_MS, FIRST_WAIT_MS * 2 ** (failures - FREE_FAILURES));
}

export function minutesToWait(lockedUntil: Date, now: Date): number {
  return Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 60_000));
}
