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

describe('account controls', () => {
  const published = { labels: [] as string[], action: 'publish' as const, timeZone: 'UTC' };

  it('disabling an author ends their sessions and keeps their published posts attributed; enabling does not revive old sessions', async () => {
    const { disableAuthorById, enableAuthorById, getAuthorById } = await import('./authors');
    const { getPostById, savePost } = await import('./posts');
    const dan = await createAuthor({ name: 'Dan', email: 'dan@example.com', passwordHash: 'h' });
    const post = await savePost({ ...published, authorId: dan.id, title: 'By Dan', body: '<p>x</p>' });

    expect(await disableAuthorById({ id: dan.id })).toEqual({ kind: 'done' });
    const disabled = await getAuthorById(dan.id);
    expect(disabled?.disabledAt).toBeInstanceOf(Date);
    expect(disabled?.sessionVersion).toBe(dan.sessionVersion + 1);
    expect(await getPostById(post.id)).toMatchObject({ status: 'published', authorId: dan.id });

    expect(await enableAuthorById({ id: dan.id })).toEqual({ kind: 'done' });
    const enabled = await getAuthorById(dan.id);
    expect(enabled?.disabledAt).toBeNull();
    expect(enabled?.sessionVersion).toBe(dan.sessionVersion + 1);
    expect(await disableAuthorById({ id: 999_999 })).toEqual({ kind: 'missing' });
  });

  it('never disables or deletes the last enabled admin who can sign in', async () => {
    const { deleteAuthorById, disableAuthorById, enableAuthorById, getAuthorById } = await import('./authors');
    const ann = (await getAuthorByEmail('ann@example.com'))!;
    const dan = (await getAuthorByEmail('dan@example.com'))!;
    // An admin without a password cannot sign in, so they do not keep the blog administrable.
    await createAuthor({ name: 'Imported Admin', email: 'imported-admin@example.com', role: 'admin' });

    expect(await disableAuthorById({ id: ann.id })).toEqual({ kind: 'last-admin' });
    expect(await deleteAuthorById({ id: ann.id, heirId: dan.id })).toEqual({ kind: 'last-admin' });
    expect((await getAuthorById(ann.id))?.disabledAt).toBeNull();

    const bo = await createAuthor({ name: 'Bo', email: 'bo@example.com', role: 'admin', passwordHash: 'h' });
    expect(await disableAuthorById({ id: ann.id })).toEqual({ kind: 'done' });
    // Bo is now the only enabled admin: two admins disabling each other at once cannot lock everyone out.
    expect(await disableAuthorById({ id: bo.id })).toEqual({ kind: 'last-admin' });
    expect(await enableAuthorById({ id: ann.id })).toEqual({ kind: 'done' });
    expect(await disableAuthorById({ id: bo.id })).toEqual({ kind: 'done' });
  });

  it('deleting an author gives every post, page, revision, image and import run to the heir, and readers see the change', async () => {
    const { deleteAuthorById, getAuthorById } = await import('./authors');
    const { getPostById, listRevisionsByPostId, savePost, saveAutosaveRevision } = await import('./posts');
    const { createMedia, getMediaById } = await import('./media');
    const { getImportRunById, recordImportRun } = await import('./import');
    const { createPasswordResetToken, findPasswordResetToken } = await import('./password-reset-tokens');
    const { currentVersion } = await import('./reader-cache');
    const ann = (await getAuthorByEmail('ann@example.com'))!;
    const eve = await createAuthor({ name: 'Eve Leaving', email: 'eve-leaving@example.com', passwordHash: 'h' });
    const post = await savePost({ ...published, authorId: eve.id, title: 'Eve writes', body: '<p>kept</p>' });
    const page = await savePost({ labels: [], timeZone: 'UTC', type: 'page', authorId: eve.id, title: 'Eve draft page', body: '<p>draft</p>' });
    const annsPost = await savePost({ ...published, authorId: ann.id, title: 'Ann writes', body: '<p>a</p>' });
    await saveAutosaveRevision({ postId: annsPost.id, title: 'Eve edited', body: '<p>e</p>', labels: [], authorId: eve.id });
    const image = await createMedia({ hash: 'eve-image-hash', filename: 'e.png', format: 'png', width: 1, height: 1, bytes: 1, variants: [], uploadedBy: eve.id });
    const run = await recordImportRun({ fileName: 'b.xml', format: 'blogger', dryRun: true, status: 'done', report: {}, authorId: eve.id });
    await createPasswordResetToken({ authorId: eve.id, tokenHash: 'eve-token-hash', expiresAt: new Date(Date.now() + 60_000) });
    const before = currentVersion();

    expect(await deleteAuthorById({ id: eve.id, heirId: ann.id })).toEqual({ kind: 'deleted', posts: 1, pages: 1 });

    expect(await getAuthorById(eve.id)).toBeUndefined();
    expect(await getPostById(post.id)).toMatchObject({ authorId: ann.id, status: 'published', title: 'Eve writes' });
    expect(await getPostById(page.id)).toMatchObject({ authorId: ann.id, status: 'draft' });
    for (const revision of [...(await listRevisionsByPostId(post.id)), ...(await listRevisionsByPostId(annsPost.id))]) {
      expect(revision.authorName).toBe('Ann');
    }
    expect((await getMediaById(image.id))?.uploadedBy).toBe(ann.id);
    expect((await getImportRunById(run.id))?.authorId).toBe(ann.id);
    expect(await findPasswordResetToken({ tokenHash: 'eve-token-hash' })).toEqual({ status: 'missing' });
    // The byline on a published post changed: cached reader pages must not keep the old name.
    expect(currentVersion()).toBeGreaterThan(before);
  });

  it('refuses a missing author, a missing heir, and the author as their own heir', async () => {
    const { deleteAuthorById } = await import('./authors');
    const dan = (await getAuthorByEmail('dan@example.com'))!;
    expect(await deleteAuthorById({ id: 999_999, heirId: dan.id })).toEqual({ kind: 'missing' });
    expect(await deleteAuthorById({ id: dan.id, heirId: 999_999 })).toEqual({ kind: 'no-heir' });
    expect(await deleteAuthorById({ id: dan.id, heirId: dan.id })).toEqual({ kind: 'no-heir' });
    expect(await getAuthorByEmail('dan@example.com')).toBeDefined();
  });

  it('lists who is disabled and who has no password yet', async () => {
    const { disableAuthorById, listAuthorsWithPostCounts } = await import('./authors');
    const dan = (await getAuthorByEmail('dan@example.com'))!;
    await disableAuthorById({ id: dan.id });
    const rows = await listAuthorsWithPostCounts();
    expect(rows.find((r) => r.email === 'dan@example.com')).toMatchObject({ disabled: true, hasPassword: true, posts: 1 });
    expect(rows.find((r) => r.email === 'demo@example.com')).toMatchObject({ disabled: false, hasPassword: false });
    expect(rows.find((r) => r.email === 'ann@example.com')).toMatchObject({ disabled: false, hasPassword: true });
  });
});
