import { beforeAll, describe, expect, it } from 'vitest';
import { loginKeys } from '@/lib/accounts/login-throttle';
import { beginLoginAttempt, recordLoginSuccess } from './login-attempts';
import { migrateDatabase } from './migrate';

beforeAll(async () => {
  await migrateDatabase();
});

const secret = 'throttle-test-secret';
let n = 0;
/** A fresh address for each test, so the counters of one test never reach another. */
const freshIp = () => `192.0.2.${++n}`;

describe('sign-in throttle', () => {
  it('a burst of parallel attempts cannot slip past: only the free ones are let through', async () => {
    const keys = loginKeys(freshIp(), 'admin@example.com', secret);
    const results = await Promise.all(Array.from({ length: 12 }, () => beginLoginAttempt(keys)));
    expect(results.filter((lock) => lock === null)).toHaveLength(5);
    expect(results.filter((lock) => lock?.scope === 'pair')).toHaveLength(7);
  });

  it('an email guessed from one address locks that pair only: the owner elsewhere and other emails go on', async () => {
    const ip = freshIp();
    for (let i = 0; i < 5; i++) expect(await beginLoginAttempt(loginKeys(ip, 'Admin@Example.com', secret))).toBeNull();
    const lock = await beginLoginAttempt(loginKeys(ip, ' admin@example.com', secret));
    expect(lock?.scope).toBe('pair');
    expect(lock!.until.getTime() - Date.now()).toBeGreaterThan(4 * 60_000);
    expect(await beginLoginAttempt(loginKeys(freshIp(), 'admin@example.com', secret))).toBeNull();
    expect(await beginLoginAttempt(loginKeys(ip, 'someone@example.com', secret))).toBeNull();
  });

  it('an address trying many emails is locked for all of them after twenty attempts', async () => {
    const ip = freshIp();
    for (let i = 0; i < 20; i++) expect(await beginLoginAttempt(loginKeys(ip, `guess${i}@example.com`, secret))).toBeNull();
    expect((await beginLoginAttempt(loginKeys(ip, 'new@example.com', secret)))?.scope).toBe('address');
  });

  it("signing in to one's own account clears only that pair, not the guesses at another", async () => {
    const ip = freshIp();
    const victim = loginKeys(ip, 'victim@example.com', secret);
    const own = loginKeys(ip, 'attacker@example.com', secret);
    for (let i = 0; i < 4; i++) await beginLoginAttempt(victim);
    await beginLoginAttempt(own);
    await recordLoginSuccess(own);
    expect(await beginLoginAttempt(victim)).toBeNull();
    expect((await beginLoginAttempt(victim))?.scope).toBe('pair');
  });

  it('a right password after a few slips clears them', async () => {
    const keys = loginKeys(freshIp(), 'author@example.com', secret);
    for (let i = 0; i < 4; i++) await beginLoginAttempt(keys);
    await recordLoginSuccess(keys);
    for (let i = 0; i < 5; i++) expect(await beginLoginAttempt(keys)).toBeNull();
  });
});
