import 'server-only';
import { eq, inArray } from 'drizzle-orm';
import { FAILURE_MEMORY_MS, FREE_ATTEMPTS, lockDurationMs, type LockScope, type LoginKeys } from '@/lib/accounts/login-throttle';
import { getDb } from './client';
import { loginAttempts } from './schema';

export type LoginLock = { scope: LockScope; until: Date };

const scopes = Object.keys(FREE_ATTEMPTS) as LockScope[];

/**
 * Counts a sign-in attempt before its password is checked, in one immediate transaction, so a
 * burst of parallel attempts cannot all pass a check that none has written yet. Returns the lock
 * that refuses this attempt (nothing is counted then), or null to go on and check the password.
 * Each row's key is a counter key from loginKeys() (the column kept its first name, ip_hash).
 */
export async function beginLoginAttempt(keys: LoginKeys, now = new Date()): Promise<LoginLock | null> {
  return getDb().transaction(
    (tx) => {
      const rows = tx.select().from(loginAttempts).where(inArray(loginAttempts.ipHash, Object.values(keys))).all();
      const current = (scope: LockScope) => {
        const row = rows.find((r) => r.ipHash === keys[scope]);
        return row && now.getTime() - row.lastFailureAt.getTime() < FAILURE_MEMORY_MS ? row : undefined;
      };
      const locks = scopes
        .map((scope) => ({ scope, until: current(scope)?.lockedUntil ?? null }))
        .filter((lock): lock is LoginLock => lock.until !== null && lock.until > now)
        .sort((a, b) => b.until.getTime() - a.until.getTime());
      if (locks[0]) return locks[0];
      for (const scope of scopes) {
        const failures = (current(scope)?.failures ?? 0) + 1;
        const wait = lockDurationMs(failures, FREE_ATTEMPTS[scope]);
        const lockedUntil = wait ? new Date(now.getTime() + wait) : null;
        tx.insert(loginAttempts)
          .values({ ipHash: keys[scope], failures, lastFailureAt: now, lockedUntil })
          .onConflictDoUpdate({ target: loginAttempts.ipHash, set: { failures, lastFailureAt: now, lockedUntil } })
          .run();
      }
      return null;
    },
    { behavior: 'immediate' },
  );
}

/**
 * A right password: its own email-and-address counter is cleared, and the address gives back the
 * one attempt it counted. Failures others earned at that address stay counted, so signing in to an
 * account of one's own does not wipe out guesses at someone else's.
 */
export async function recordLoginSuccess(keys: LoginKeys): Promise<void> {
  getDb().transaction(
    (tx) => {
      tx.delete(loginAttempts).where(eq(loginAttempts.ipHash, keys.pair)).run();
      const row = tx.select().from(loginAttempts).where(eq(loginAttempts.ipHash, keys.address)).get();
      if (!row) return;
      const failures = Math.max(0, row.failures - 1);
      if (failures === 0) {
        tx.delete(loginAttempts).where(eq(loginAttempts.ipHash, keys.address)).run();
        return;
      }
      const wait = lockDurationMs(failures, FREE_ATTEMPTS.address);
      const lockedUntil = wait ? new Date(row.lastFailureAt.getTime() + wait) : null;
      tx.update(loginAttempts).set({ failures, lockedUntil }).where(eq(loginAttempts.ipHash, keys.address)).run();
    },
    { behavior: 'immediate' },
  );
}
