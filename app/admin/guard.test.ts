import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAuthor, createFirstAdmin } from '@/db/authors';
import { migrateDatabase } from '@/db/migrate';
import { getPostById, listPostsForAdmin, savePost } from '@/db/posts';
import { nextAuthConfig, session } from '@/test/next-auth-mock';
import { redirectOf } from '@/test/redirect-of';

// Only the library boundary is replaced: auth.ts, requireAuthor() and the actions run as written.
vi.mock('next-auth', () => import('@/test/next-auth-mock'));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));
// Absolute links (the password link) are built from the request's host.
vi.mock('next/headers', async (importOriginal) => ({ ...(await importOriginal<object>()), headers: async () => new Headers({ host: 'blog.test' }) }));
// Outside a request there is no request scope; connection() only marks a page dynamic.
vi.mock('next/server', async (importOriginal) => ({ ...(await importOriginal<object>()), connection: async () => {} }));

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

let ownerPostId: number;
let authorB: number;
let adminId: number;

beforeAll(async () => {
  await migrateDatabase();
  const admin = await createFirstAdmin({ name: 'Owner', email: 'owner@example.com', passwordHash: 'x', blogTitle: 'Guarded' });
  adminId = admin!.id;
  ownerPostId = (await savePost({ authorId: admin!.id, title: 'Owned', body: '<p>mine</p>', labels: [], action: 'publish', timeZone: 'UTC' })).id;
  authorB = (await createAuthor({ name: 'Bea', email: 'bea@example.com', role: 'author', passwordHash: 'y' })).id;
});

beforeEach(() => {
  session.current = null;
});

describe('admin pages refuse a visitor without a session', () => {
  type PageFn = (props: { params: Promise<object>; searchParams: Promise<object> }) => Promise<unknown>;
  it.each([
    ['/admin', () => import('./page')],
    ['/admin/posts/new', () => import('./posts/new/page')],
    ['/admin/posts/ID', () => import('./posts/[id]/page')],
    ['/admin/posts/ID/preview', () => import('./posts/[id]/preview/page')],
    ['/admin/posts/ID/delete', () => import('./posts/[id]/delete/page')],
    ['/admin/posts/ID/revisions', () => import('./posts/[id]/revisions/page')],
    ['/admin/pages', () => import('./pages/page')],
    ['/admin/pages/new', () => import('./pages/new/page')],
    ['/admin/pages/ID', () => import('./pages/[id]/page')],
    ['/admin/comments', () => import('./comments/page')],
    ['/admin/media', () => import('./media/page')],
    ['/admin/authors', () => import('./authors/page')],
    ['/admin/authors/ID/delete', () => import('./authors/[id]/delete/page')],
    ['/admin/authors/ID/password', () => import('./authors/[id]/password/page')],
    ['/admin/profile', () => import('./profile/page')],
    ['/admin/media/ID/delete', () => import('./media/[id]/delete/page')],
    ['/admin/settings', () => import('./settings/page')],
    ['/admin/import', () => import('./import/page')],
    ['/admin/followers', () => import('./followers/page')],
    ['/admin/comments/ID', () => import('./comments/[id]/page')],
  ])('%s sends the visitor to /login', async (_path, load) => {
    const Page = (await load()).default as unknown as PageFn;
    const props = { params: Promise.resolve({ id: String(ownerPostId) }), searchParams: Promise.resolve({}) };
    expect(await redirectOf(() => Page(props))).toBe('/login');
  });

  it("an author opening another author's post gets the 404 page", async () => {
    session.current = { user: { id: String(authorB), sv: 0 } };
    for (const load of [() => import('./posts/[id]/page'), () => import('./posts/[id]/revisions/page'), () => import('./posts/[id]/delete/page')]) {
      const Page = (await load()).default as unknown as PageFn;
      const props = { params: Promise.resolve({ id: String(ownerPostId) }), searchParams: Promise.resolve({}) };
      await expect(Page(props)).rejects.toMatchObject({ digest: expect.stringContaining('404') });
    }
  });
});

describe('admin actions refuse a visitor without a session', () => {
  it('savePostAction creates nothing and sends the visitor to /login', async () => {
    const { savePostAction } = await import('./posts/actions');
    const before = (await listPostsForAdmin()).length;
    const to = await redirectOf(() => savePostAction({}, form({ title: 'Injected', body: 'spam', labels: '', intent: 'publish' })));
    expect(to).toBe('/login');
    expect((await listPostsForAdmin()).length).toBe(before);
  });

  it('savePostAction cannot edit an existing post', async () => {
    const { savePostAction } = await import('./posts/actions');
    const to = await redirectOf(() =>
      savePostAction({}, form({ id: String(ownerPostId), title: 'Defaced', body: 'x', labels: '', intent: 'publish' })),
    );
    expect(to).toBe('/login');
    expect((await getPostById(ownerPostId))?.title).toBe('Owned');
  });

  it('setupBlog cannot create a second admin once setup is done', async () => {
    const { setupBlog } = await import('./actions');
    const to = await redirectOf(() =>
      setupBlog({}, form({ blogTitle: 'Mine now', name: 'Eve', email: 'eve@example.com', password: 'long enough password' })),
    );
    expect(to).toBe('/login');
    expect((await listPostsForAdmin()).length).toBeGreaterThan(0);
  });
});

describe('moderation and settings actions refuse a visitor without a session', () => {
  it('moderateComments changes nothing', async () => {
    const { moderateComments } = await import('./comments/actions');
    const { createCommentChecked, getCommentById } = await import('@/db/comments');
    const created = await createCommentChecked({
      values: { postId: ownerPostId, authorName: 'R', body: 'keep me', ipHash: 'h', submissionKey: 'guard-test-key-0001' },
      floodSince: new Date(0),
      decide: () => 'pending',
      notifyAddresses: [],
    });
    const id = created.kind === 'created' ? created.comment.id : 0;
    expect(await redirectOf(() => moderateComments(form({ single: `delete:${id}` })))).toBe('/login');
    expect(await redirectOf(() => moderateComments(form({ single: `approve:${id}` })))).toBe('/login');
    expect((await getCommentById(id))?.status).toBe('pending');
  });

  it('saveSettings changes nothing, for visitors and for non-admin authors', async () => {
    const { saveSettings } = await import('./settings/actions');
    const { getSettings } = await import('@/db/settings');
    const fields = {
      blogTitle: 'Hijacked',
      blogDescription: '',
      postsPerPage: '5',
      timezone: 'UTC',
      commentModeration: 'never',
      moderateAfterDays: '1',
      blockedWords: '',
      notifyEmails: '',
    };
    expect(await redirectOf(() => saveSettings({}, form(fields)))).toBe('/login');
    session.current = { user: { id: String(authorB), sv: 0 } };
    expect((await saveSettings({}, form(fields))).message).toMatch(/Only an admin/);
    expect((await getSettings()).blogTitle).toBe('Guarded');
  });
});

describe('post actions refuse visitors and other authors', () => {
  it('deletePostAction, bulkPostsAction and restoreRevisionAction change nothing without a session', async () => {
    const { deletePostAction, bulkPostsAction, restoreRevisionAction } = await import('./posts/actions');
    const { listRevisionsByPostId } = await import('@/db/posts');
    const revision = (await listRevisionsByPostId(ownerPostId))[0]!;
    expect(await redirectOf(() => deletePostAction(form({ id: String(ownerPostId) })))).toBe('/login');
    expect(await redirectOf(() => bulkPostsAction(form({ action: 'delete', ids: String(ownerPostId) })))).toBe('/login');
    expect(await redirectOf(() => restoreRevisionAction(form({ revisionId: String(revision.id) })))).toBe('/login');
    expect(await getPostById(ownerPostId)).toBeDefined();
  });

  it("another author cannot delete, bulk-edit or restore the owner's post", async () => {
    session.current = { user: { id: String(authorB), sv: 0 } };
    const { deletePostAction, bulkPostsAction, restoreRevisionAction } = await import('./posts/actions');
    const { listRevisionsByPostId } = await import('@/db/posts');
    const revision = (await listRevisionsByPostId(ownerPostId))[0]!;
    expect(await redirectOf(() => deletePostAction(form({ id: String(ownerPostId) })))).toBe('/admin?notice=missing');
    expect(await redirectOf(() => bulkPostsAction(form({ action: 'draft', ids: String(ownerPostId) })))).toBe('/admin?notice=draft&n=0');
    expect(await redirectOf(() => restoreRevisionAction(form({ revisionId: String(revision.id) })))).toBe('/admin?notice=missing');
    expect((await getPostById(ownerPostId))?.status).toBe('published');
  });
});

describe('media actions and the upload endpoint refuse a visitor without a session', () => {
  it('uploadMediaAction and deleteMediaAction send the visitor to /login', async () => {
    const { uploadMediaAction, deleteMediaAction } = await import('./media/actions');
    const upload = new FormData();
    upload.set('file', new File([new Uint8Array([1, 2, 3])], 'x.png', { type: 'image/png' }));
    expect(await redirectOf(() => uploadMediaAction(upload))).toBe('/login');
    expect(await redirectOf(() => deleteMediaAction(form({ id: '1' })))).toBe('/login');
  });

  it('POST /api/media answers 401', async () => {
    const { POST } = await import('../api/media/route');
    const body = new FormData();
    body.set('file', new File([new Uint8Array([1, 2, 3])], 'x.png', { type: 'image/png' }));
    const response = await POST(new Request('http://blog.test/api/media', { method: 'POST', body }));
    expect(response.status).toBe(401);
  });
});

describe('followers and mail are for admins only', () => {
  it('removeFollowers and sendTestEmail change nothing for a visitor or an author; the export answers 401 and 403', async () => {
    const { removeFollowers } = await import('./followers/actions');
    const { sendTestEmail } = await import('./settings/actions');
    const { GET } = await import('./followers/export/route');
    const { requestFollow, listFollowers } = await import('@/db/followers');
    const { countOutboxByStatus } = await import('@/db/mail-outbox');
    const asked = await requestFollow({ email: 'fan@example.net', writeConfirmation: () => ({ subject: 's', text: 't', html: 'h' }) });
    const id = asked.kind === 'queued' ? asked.follower.id : 0;
    const queued = (await countOutboxByStatus()).waiting;
    expect(await redirectOf(() => removeFollowers(form({ single: String(id) })))).toBe('/login');
    expect(await redirectOf(() => sendTestEmail())).toBe('/login');
    expect((await GET()).status).toBe(401);
    session.current = { user: { id: String(authorB), sv: 0 } };
    expect(await redirectOf(() => removeFollowers(form({ single: String(id) })))).toBe('/admin');
    expect(await redirectOf(() => sendTestEmail())).toBe('/admin');
    expect((await GET()).status).toBe(403);
    expect((await listFollowers()).map((f) => f.id)).toContain(id);
    expect((await countOutboxByStatus()).waiting).toBe(queued);
  });
});

describe('import and export are for admins only', () => {
  const backup = `<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>tag:blogger.com,1999:blog-1.post-1</id><title>Sneaked in</title><content type="html">x</content>
    <link rel="alternate" href="http://x.blogspot.com/2020/01/sneaked-in.html"/></entry></feed>`;
  const upload = () => {
    const body = new FormData();
    body.set('file', new File([backup], 'blog.xml', { type: 'application/xml' }));
    return new Request('http://blog.test/api/import', { method: 'POST', body, headers: { accept: 'application/x-ndjson' } });
  };

  it('POST /api/import answers 401 to a visitor and 403 to an author, and imports nothing', async () => {
    const { POST } = await import('../api/import/route');
    expect((await POST(upload())).status).toBe(401);
    session.current = { user: { id: String(authorB), sv: 0 } };
    expect((await POST(upload())).status).toBe(403);
    const { resolveAddress } = await import('@/db/addresses');
    expect(await resolveAddress({ path: '/2020/01/sneaked-in.html' })).toEqual({ kind: 'none' });
  });

  it('the export downloads answer 401 to a visitor and 403 to an author', async () => {
    const { GET } = await import('./export/[format]/route');
    const get = (format: string) => GET(new Request(`http://blog.test/admin/export/${format}`), { params: Promise.resolve({ format }) });
    for (const format of ['blogger.xml', 'wordpress.xml', 'blog.db']) expect((await get(format)).status).toBe(401);
    session.current = { user: { id: String(authorB), sv: 0 } };
    for (const format of ['blogger.xml', 'wordpress.xml', 'blog.db']) expect((await get(format)).status).toBe(403);
  });
});

describe('the stats export', () => {
  it('refuses a visitor and gives an author only their own posts’ views', async () => {
    const { GET } = await import('./stats/export/route');
    expect((await GET()).status).toBe(401);
    const { writeStatsBatch } = await import('@/db/stats');
    const { StatsCollector } = await import('@/lib/stats/stats');
    const collector = new StatsCollector();
    collector.addHit({ day: 20_000, postId: ownerPostId, referrer: null, browser: 'Firefox', os: 'Linux', visitor: 1 });
    await writeStatsBatch({ batch: collector.take()!, today: 20_000, popular: null });
    session.current = { user: { id: String(adminId), sv: 0 } };
    expect(await (await GET()).text()).toBe('date,views,visitors,feed_fetches\r\n2024-10-04,1,1,0\r\n');
    session.current = { user: { id: String(authorB), sv: 0 } };
    expect(await (await GET()).text()).toBe('date,views,visitors,feed_fetches\r\n');
  });
});

describe('a session signed out elsewhere (or from before a password change) counts as none', () => {
  it("the admin's own session with an old session version opens no page, action or route", async () => {
    // What a cookie from before a sign-out or a password change carries: a valid signature, an old version.
    session.current = { user: { id: String(adminId), sv: 7 } };
    const { default: SettingsPage } = await import('./settings/page');
    expect(await redirectOf(() => SettingsPage({ searchParams: Promise.resolve({}) } as never))).toBe('/login');
    const { saveSettings } = await import('./settings/actions');
    const { getSettings } = await import('@/db/settings');
    expect(await redirectOf(() => saveSettings({}, form({ blogTitle: 'Stolen' })))).toBe('/login');
    expect((await getSettings()).blogTitle).toBe('Guarded');
    const { GET } = await import('./export/[format]/route');
    expect((await GET(new Request('http://blog.test/admin/export/blog.db'), { params: Promise.resolve({ format: 'blog.db' }) })).status).toBe(401);
  });
});

describe('author management refuses visitors and non-admins', () => {
  it('addAuthorAction and the profile actions send a visitor to /login', async () => {
    const { addAuthorAction } = await import('./authors/actions');
    const { saveProfileAction, changePasswordAction } = await import('./profile/actions');
    const fields = { name: 'Mallory', email: 'mallory@example.com', role: 'admin', password: 'long enough password' };
    expect(await redirectOf(() => addAuthorAction({}, form(fields)))).toBe('/login');
    expect(await redirectOf(() => saveProfileAction({}, form({ name: 'X', bio: '' })))).toBe('/login');
    expect(await redirectOf(() => changePasswordAction({}, form({ current: 'x', password: 'long enough password' })))).toBe('/login');
  });

  it('an author who is not an admin cannot add authors', async () => {
    session.current = { user: { id: String(authorB), sv: 0 } };
    const { addAuthorAction } = await import('./authors/actions');
    const { getAuthorByEmail } = await import('@/db/authors');
    const state = await addAuthorAction({}, form({ name: 'Mallory', email: 'mallory@example.com', role: 'admin', password: 'long enough password' }));
    expect(state.message).toMatch(/Only an admin/);
    expect(await getAuthorByEmail('mallory@example.com')).toBeUndefined();
  });
});

describe('ownership', () => {
  it("an author cannot edit another author's post", async () => {
    session.current = { user: { id: String(authorB), sv: 0 } };
    const { savePostAction } = await import('./posts/actions');
    const state = await savePostAction({}, form({ id: String(ownerPostId), title: 'Defaced', body: 'x', labels: '', intent: 'publish' }));
    expect(state.message).toMatch(/not yours/);
    expect((await getPostById(ownerPostId))?.title).toBe('Owned');
  });

  it('a signed-in author can publish their own post', async () => {
    session.current = { user: { id: String(authorB), sv: 0 } };
    const { savePostAction } = await import('./posts/actions');
    const to = await redirectOf(() => savePostAction({}, form({ title: 'By Bea', body: 'Hello', labels: 'A, B', intent: 'publish' })));
    expect(to).toMatch(/^\/admin\/posts\/\d+\?saved=published$/);
    const id = Number(to!.match(/posts\/(\d+)/)![1]);
    const post = await getPostById(id);
    expect(post).toMatchObject({ title: 'By Bea', authorId: authorB, status: 'published', body: '<p>Hello</p>' });
  });

  it('an empty title or body is refused with field messages and the typed values kept', async () => {
    session.current = { user: { id: String(authorB), sv: 0 } };
    const { savePostAction } = await import('./posts/actions');
    const state = await savePostAction({}, form({ title: ' ', body: 'Kept text', labels: 'X', intent: 'publish' }));
    expect(state.errors?.title?.[0]).toMatch(/title/);
    expect(state.values).toMatchObject({ body: 'Kept text', labels: 'X' });
  });
});

describe('account controls: admins only, checked beside the data', () => {
  type PageFn = (props: { params: Promise<object>; searchParams: Promise<object> }) => Promise<unknown>;
  const HOUR = 60 * 60 * 1000;
  const carlPassword = 'carl first password';
  let carl: number;
  let carlsPost: number;

  /** The Credentials provider's authorize(), as auth.ts wires it. */
  async function authorize(email: string, password: string) {
    await import('@/auth');
    type Provider = { options: { authorize: (credentials: unknown, request: Request) => Promise<unknown> } };
    const config = nextAuthConfig.current as () => { providers: Provider[] };
    return config().providers[0]!.options.authorize({ email, password }, new Request('http://blog.test/login/submit', { method: 'POST' }));
  }

  async function page(load: () => Promise<{ default: unknown }>, params: object, searchParams: object = {}) {
    const Page = (await load()).default as PageFn;
    return Page({ params: Promise.resolve(params), searchParams: Promise.resolve(searchParams) });
  }

  const asAdmin = async () => {
    const { getAuthorById } = await import('@/db/authors');
    session.current = { user: { id: String(adminId), sv: (await getAuthorById(adminId))!.sessionVersion } };
  };

  beforeAll(async () => {
    const { hashPassword } = await import('@/lib/accounts/password');
    carl = (await createAuthor({ name: 'Carl', email: 'carl@example.com', role: 'author', passwordHash: await hashPassword(carlPassword) })).id;
    carlsPost = (await savePost({ authorId: carl, title: "Carl's post", body: '<p>c</p>', labels: [], action: 'publish', timeZone: 'UTC' })).id;
  });

  it('a visitor is sent to /login and changes nothing', async () => {
    const { disableAuthorAction, enableAuthorAction, deleteAuthorAction, createPasswordLinkAction } = await import('./authors/actions');
    const { getAuthorById } = await import('@/db/authors');
    expect(await redirectOf(() => disableAuthorAction(form({ id: String(carl) })))).toBe('/login');
    expect(await redirectOf(() => enableAuthorAction(form({ id: String(carl) })))).toBe('/login');
    expect(await redirectOf(() => deleteAuthorAction(form({ id: String(carl), heirId: String(adminId) })))).toBe('/login');
    expect(await redirectOf(() => createPasswordLinkAction({}, form({ id: String(carl) })))).toBe('/login');
    expect(await getAuthorById(carl)).toMatchObject({ disabledAt: null });
  });

  it('an author who is not an admin can neither open the screens nor use the actions', async () => {
    session.current = { user: { id: String(authorB), sv: 0 } };
    const { disableAuthorAction, deleteAuthorAction, createPasswordLinkAction } = await import('./authors/actions');
    const { getAuthorById } = await import('@/db/authors');
    for (const load of [() => import('./authors/[id]/delete/page'), () => import('./authors/[id]/password/page')]) {
      await expect(page(load, { id: String(carl) })).rejects.toMatchObject({ digest: expect.stringContaining('404') });
    }
    expect(await redirectOf(() => disableAuthorAction(form({ id: String(carl) })))).toBe('/admin');
    expect(await redirectOf(() => deleteAuthorAction(form({ id: String(carl), heirId: String(authorB) })))).toBe('/admin');
    const state = await createPasswordLinkAction({}, form({ id: String(carl) }));
    expect(state.message).toMatch(/Only an admin/);
    expect(state.link).toBeUndefined();
    expect(await getAuthorById(carl)).toMatchObject({ disabledAt: null });
    expect((await getPostById(carlsPost))?.authorId).toBe(carl);
  });

  it('an admin cannot disable or delete themselves (here, also the last enabled admin)', async () => {
    await asAdmin();
    const { disableAuthorAction, deleteAuthorAction } = await import('./authors/actions');
    const { getAuthorById } = await import('@/db/authors');
    expect(await redirectOf(() => disableAuthorAction(form({ id: String(adminId) })))).toBe('/admin/authors?notice=self');
    expect(await redirectOf(() => deleteAuthorAction(form({ id: String(adminId), heirId: String(carl) })))).toBe('/admin/authors?notice=self');
    expect(await getAuthorById(adminId)).toMatchObject({ disabledAt: null });
    await expect(page(() => import('./authors/[id]/delete/page'), { id: String(adminId) })).rejects.toMatchObject({
      digest: expect.stringContaining('404'),
    });
  });

  it('bad or unknown ids get a clear message or the 404 page, never an exception', async () => {
    await asAdmin();
    const { disableAuthorAction, enableAuthorAction, deleteAuthorAction, createPasswordLinkAction } = await import('./authors/actions');
    for (const id of ['', 'abc', '-3', '1.5', '0x10', '99999999', '9'.repeat(40)]) {
      expect(await redirectOf(() => disableAuthorAction(form({ id })))).toBe('/admin/authors?notice=missing');
      expect(await redirectOf(() => enableAuthorAction(form({ id })))).toBe('/admin/authors?notice=missing');
      expect(await redirectOf(() => deleteAuthorAction(form({ id, heirId: String(adminId) })))).toBe('/admin/authors?notice=missing');
      expect((await createPasswordLinkAction({}, form({ id }))).message).toMatch(/could not be found/);
      for (const load of [() => import('./authors/[id]/delete/page'), () => import('./authors/[id]/password/page')]) {
        await expect(page(load, { id })).rejects.toMatchObject({ digest: expect.stringContaining('404') });
      }
    }
    for (const heirId of ['', 'abc', '99999999', String(carl)]) {
      expect(await redirectOf(() => deleteAuthorAction(form({ id: String(carl), heirId })))).toBe(`/admin/authors/${carl}/delete?error=heir`);
    }
    expect((await getPostById(carlsPost))?.authorId).toBe(carl);
  });

  it("a disabled author's open session ends at once, sign-in is refused like a wrong password, and re-enabling revives no old session", async () => {
    const { disableAuthorAction, enableAuthorAction } = await import('./authors/actions');
    const { getAuthorById } = await import('@/db/authors');
    const { saveProfileAction } = await import('./profile/actions');
    const profile = () => page(() => import('./profile/page'), {});
    const sv = (await getAuthorById(carl))!.sessionVersion;
    session.current = { user: { id: String(carl), sv } };
    expect(await redirectOf(profile)).toBeNull();
    expect(await authorize('carl@example.com', carlPassword)).toMatchObject({ id: String(carl) });

    await asAdmin();
    expect(await redirectOf(() => disableAuthorAction(form({ id: String(carl) })))).toBe('/admin/authors?notice=disabled');
    expect((await getPostById(carlsPost))?.status).toBe('published');

    session.current = { user: { id: String(carl), sv } };
    expect(await redirectOf(profile)).toBe('/login');
    expect(await redirectOf(() => saveProfileAction({}, form({ name: 'Carl again', bio: '' })))).toBe('/login');
    // Even a session carrying the new version is refused while the author is disabled.
    session.current = { user: { id: String(carl), sv: sv + 1 } };
    expect(await redirectOf(profile)).toBe('/login');
    expect(await authorize('carl@example.com', carlPassword)).toBeNull();
    expect(await authorize('carl@example.com', 'a wrong password')).toBeNull();

    await asAdmin();
    expect(await redirectOf(() => enableAuthorAction(form({ id: String(carl) })))).toBe('/admin/authors?notice=enabled');
    session.current = { user: { id: String(carl), sv } };
    expect(await redirectOf(profile)).toBe('/login');
    expect(await authorize('carl@example.com', carlPassword)).toMatchObject({ id: String(carl) });
    expect((await getAuthorById(carl))?.name).toBe('Carl');
  });

  it('a password link is shown once, sets a password under the usual rules, ends old sessions, and works only once', async () => {
    const { createPasswordLinkAction } = await import('./authors/actions');
    const { resetPasswordAction } = await import('../reset-password/[token]/actions');
    const { getAuthorById } = await import('@/db/authors');
    const resetPage = (token: string) => page(() => import('../reset-password/[token]/page'), { token });
    const oldSession = { user: { id: String(carl), sv: (await getAuthorById(carl))!.sessionVersion } };

    await asAdmin();
    const state = await createPasswordLinkAction({}, form({ id: String(carl) }));
    expect(state.link).toMatch(/^http:\/\/blog\.test\/reset-password\/[A-Za-z0-9_-]{43}$/);
    const token = state.link!.split('/').pop()!;
    expect(await redirectOf(() => resetPage(token))).toBeNull();

    session.current = null;
    const short = await resetPasswordAction({}, form({ token, password: 'short' }));
    expect(short.errors?.password?.[0]).toMatch(/at least 10 characters/);
    expect(await redirectOf(() => resetPasswordAction({}, form({ token, password: 'carl second password' })))).toBe('/login?notice=password-reset');
    expect(await authorize('carl@example.com', 'carl second password')).toMatchObject({ id: String(carl) });
    expect(await authorize('carl@example.com', carlPassword)).toBeNull();
    session.current = oldSession;
    expect(await redirectOf(() => page(() => import('./profile/page'), {}))).toBe('/login');

    session.current = null;
    const again = await resetPasswordAction({}, form({ token, password: 'carl third password' }));
    expect(again.message).toMatch(/already been used/);
    await expect(resetPage(token)).rejects.toMatchObject({ digest: expect.stringContaining('404') });
    expect(await authorize('carl@example.com', 'carl second password')).toMatchObject({ id: String(carl) });
  });

  it('a password link expires after an hour, and a forged one is the 404 page', async () => {
    const { createPasswordLinkAction } = await import('./authors/actions');
    const { resetPasswordAction } = await import('../reset-password/[token]/actions');
    const resetPage = (token: string) => page(() => import('../reset-password/[token]/page'), { token });
    await asAdmin();
    const token = (await createPasswordLinkAction({}, form({ id: String(carl) }))).link!.split('/').pop()!;
    session.current = null;
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + HOUR + 1000);
      await expect(resetPage(token)).rejects.toMatchObject({ digest: expect.stringContaining('404') });
      expect((await resetPasswordAction({}, form({ token, password: 'too late password' }))).message).toMatch(/expired/);
    } finally {
      vi.useRealTimers();
    }
    expect(await authorize('carl@example.com', 'too late password')).toBeNull();
    for (const forged of ['x', 'A'.repeat(43), 'a'.repeat(5000)]) {
      await expect(resetPage(forged)).rejects.toMatchObject({ digest: expect.stringContaining('404') });
      expect((await resetPasswordAction({}, form({ token: forged, password: 'forged password 1' }))).message).toMatch(/does not work/);
    }
  });

  it('the Authors list says who is disabled and who cannot sign in until an admin makes them a password link', async () => {
    await asAdmin();
    const { disableAuthorById } = await import('@/db/authors');
    await createAuthor({ name: 'Imported Iris', email: 'iris@example.com' });
    await disableAuthorById({ id: (await createAuthor({ name: 'Dora Disabled', email: 'dora@example.com', passwordHash: 'h' })).id });
    const { renderToStaticMarkup } = await import('react-dom/server');
    const html = renderToStaticMarkup((await page(() => import('./authors/page'), {})) as React.ReactElement);
    expect(html).toMatch(/Imported Iris.*?No password yet/s);
    expect(html).toMatch(/Dora Disabled.*?Disabled/s);
  });

  it('deleting an author gives their posts to the chosen author, and nothing is lost', async () => {
    await asAdmin();
    const { deleteAuthorAction } = await import('./authors/actions');
    const { getAuthorById } = await import('@/db/authors');
    const before = (await listPostsForAdmin()).length;
    expect(await redirectOf(() => page(() => import('./authors/[id]/delete/page'), { id: String(carl) }))).toBeNull();
    expect(await redirectOf(() => deleteAuthorAction(form({ id: String(carl), heirId: String(authorB) })))).toBe('/admin/authors?notice=deleted');
    expect(await getAuthorById(carl)).toBeUndefined();
    expect(await getPostById(carlsPost)).toMatchObject({ authorId: authorB, status: 'published', title: "Carl's post" });
    expect((await listPostsForAdmin()).length).toBe(before);
    expect(await redirectOf(() => deleteAuthorAction(form({ id: String(carl), heirId: String(authorB) })))).toBe('/admin/authors?notice=missing');
  });
});
