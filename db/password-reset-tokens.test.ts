import { beforeAll, describe, expect, it } from 'vitest';
import { createAuthor, disableAuthorById, getAuthorById } from './authors';
import { migrateDatabase } from './migrate';
import { createPasswordResetToken, findPasswordResetToken, resetPasswordWithToken } from './password-reset-tokens';

const HOUR = 60 * 60 * 1000;
let authorId: number;

beforeAll(async () => {
  await migrateDatabase();
  authorId = (await createAuthor({ name: 'Imported Ida', email: 'ida@example.com' })).id;
});

describe('password reset links', () => {
  it('works once: sets the password, ends every session, and is then refused as used', async () => {
    const now = new Date('2026-12-01T10:00:00Z');
    await createPasswordResetToken({ authorId, tokenHash: 'once', expiresAt: new Date(now.getTime() + HOUR), now });
    expect(await findPasswordResetToken({ tokenHash: 'once', now })).toEqual({
      status: 'valid',
      author: { id: authorId, name: 'Imported Ida', email: 'ida@example.com' },
    });
    const before = (await getAuthorById(authorId))!;
    expect(before.passwordHash).toBeNull();

    expect(await resetPasswordWithToken({ tokenHash: 'once', passwordHash: 'new-hash', now })).toEqual({ kind: 'done', authorId });
    const after = (await getAuthorById(authorId))!;
    expect(after.passwordHash).toBe('new-hash');
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);

    expect(await resetPasswordWithToken({ tokenHash: 'once', passwordHash: 'second-hash', now })).toEqual({ kind: 'used' });
    expect(await findPasswordResetToken({ tokenHash: 'once', now })).toEqual({ status: 'used' });
    expect((await getAuthorById(authorId))!.passwordHash).toBe('new-hash');
  });

  it('expires an hour after it is made', async () => {
    const made = new Date('2026-12-01T12:00:00Z');
    await createPasswordResetToken({ authorId, tokenHash: 'hour', expiresAt: new Date(made.getTime() + HOUR), now: made });
    expect((await findPasswordResetToken({ tokenHash: 'hour', now: new Date(made.getTime() + HOUR - 1) })).status).toBe('valid');
    const late = new Date(made.getTime() + HOUR);
    expect(await findPasswordResetToken({ tokenHash: 'hour', now: late })).toEqual({ status: 'expired' });
    expect(await resetPasswordWithToken({ tokenHash: 'hour', passwordHash: 'late-hash', now: late })).toEqual({ kind: 'expired' });
    expect((await getAuthorById(authorId))!.passwordHash).toBe('new-hash');
  });

  it('refuses an unknown link', async () => {
    expect(await findPasswordResetToken({ tokenHash: 'forged' })).toEqual({ status: 'missing' });
    expect(await resetPasswordWithToken({ tokenHash: 'forged', passwordHash: 'x' })).toEqual({ kind: 'missing' });
  });

  it('a new link replaces the unused ones before it', async () => {
    const now = new Date();
    await createPasswordResetToken({ authorId, tokenHash: 'older', expiresAt: new Date(now.getTime() + HOUR), now });
    await createPasswordResetToken({ authorId, tokenHash: 'newer', expiresAt: new Date(now.getTime() + HOUR), now });
    expect(await findPasswordResetToken({ tokenHash: 'older', now })).toEqual({ status: 'missing' });
    expect((await findPasswordResetToken({ tokenHash: 'newer', now })).status).toBe('valid');
  });

  it('no link works for a disabled author', async () => {
    const now = new Date();
    const other = await createAuthor({ name: 'Otto', email: 'otto@example.com', passwordHash: 'old-hash' });
    await createPasswordResetToken({ authorId: other.id, tokenHash: 'disabled-before', expiresAt: new Date(now.getTime() + HOUR), now });
    await disableAuthorById({ id: other.id });
    expect((await findPasswordResetToken({ tokenHash: 'disabled-before', now })).status).not.toBe('valid');
    expect((await resetPasswordWithToken({ tokenHash: 'disabled-before', passwordHash: 'x', now })).kind).not.toBe('done');
    // Made while disabled (by a future "forgot password" form, say): still refused.
    await createPasswordResetToken({ authorId: other.id, tokenHash: 'disabled-after', expiresAt: new Date(now.getTime() + HOUR), now });
    expect((await resetPasswordWithToken({ tokenHash: 'disabled-after', passwordHash: 'x', now })).kind).not.toBe('done');
    expect((await getAuthorById(other.id))!.passwordHash).toBe('old-hash');
  });
});
