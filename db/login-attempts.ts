import 'server-only';
import { eq } from 'drizzle-orm';
import { FAILURE_MEMORY_MS, lockDurationMs } from '@/lib/login-throttle';
import { getDb } from './client';
import { loginAttempts } from './schema';

/** Until when this address must wait before trying again, if it must. */
export async function getLoginLock(ipHash: string, now = new Date()): Promise<Date | null> {
  const row = getDb().select().from(loginAttempts).where(eq(loginAttempts.ipHash, ipHash)).get();
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
}

/** Counts a failed sign-in (forgetting old ones) and returns the lock it earns, if any. */
export async function recordLoginFailure(ipHash: string, now = new Date()): Promise<Date | null> {
  return getDb().transaction(
    (tx) => {
      const row = tx.select().from(loginAttempts).where(eq(loginAttempts.ipHash, ipHash)).get();
      const fresh = row && now.getTime() - row.lastFailureAt.getTime() < FAILURE_MEMORY_MS;
      const failures = (fresh ? row.failures : 0) + 1;
      const wait = lockDurationMs(failures);
      const lockedUntil = wait ? new Date(now.getTime() + wait) : null;
      tx.insert(loginAttempts)
        .values({ ipHash, failures, lastFailureAt: now, lockedUntil })
        .onConflictDoUpdate({ target: loginAttempts.ipHash, set: { failures, lastFailureAt: now, lockedUntil } })
        .run();
      return lockedUntil;
    },
    { behavior: 'immediate' },
  );
}

export async function clearLoginFailures(ipHash: string): Promise<void> {
  getDb().delete(loginAttempts).where(eq(loginAttempts.ipHash, ipHash)).run();
}
