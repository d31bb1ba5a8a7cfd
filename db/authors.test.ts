import { beforeAll, describe, expect, it } from 'vitest';
import { createAuthor, createFirstAdmin, getAuthorByEmail, hasSignInAuthor } from './authors';
import { migrateDatabase } from './migrate';
import { getSettings } from './settings';

beforeAll(async () => {
  await migrateDatabase();
});

describe('first-run setup', () => {
  it('is open while only authors without a password exist', async () => {
    await createAuthor({ name: 'Demo', email: 'demo@example.com' });
    expect(await hasSignInAuthor()).toBe(false);
  });

  it('creates one admin, names the blog, and refuses a second setup', async () => {
    const admin = await createFirstAdmin({ name: 'Ann', email: ' Ann@Example.COM ', passwordHash: 'h1', blogTitle: 'Ann writes' });
    expect(admin?.role).toBe('admin');
    expect(admin?.email).toBe('ann@example.com');
    expect((await getSettings()).blogTitle).toBe('Ann writes');
    expect(await hasSignInAuthor()).toBe(true);

    const second = await createFirstAdmin({ name: 'Eve', email: 'eve@example.com', passwordHash: 'h2', blogTitle: 'Taken over' });
    expect(second).toBeNull();
    expect(await getAuthorByEmail('eve@example.com')).toBeUndefined();
    expect((await getSettings()).blogTitle).toBe('Ann writes');
  });

  it('finds authors by email whatever the case', async () => {
    expect((await getAuthorByEmail('ANN@example.com'))?.name).toBe('Ann');
  });
});
