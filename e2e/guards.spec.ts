import { expect, request as playwrightRequest, test } from '@playwright/test';
import { admin, signIn, unique } from './support';

test('every admin page sends a visitor without a session to sign in', async ({ request }) => {
  for (const path of ['/admin', '/admin/posts/new', '/admin/posts/1']) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBeGreaterThanOrEqual(300);
    expect(response.status(), path).toBeLessThan(400);
    expect(response.headers().location, path).toMatch(/\/login/);
  }
});

test('a forged session cookie opens no admin page, download or upload', async ({ playwright, baseURL }) => {
  const forged = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { cookie: 'authjs.session-token=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2Q0JDLUhTNTEyIn0.forged.forged.forged.forged' },
  });
  for (const path of ['/admin', '/admin/settings', '/admin/import']) {
    const page = await forged.get(path, { maxRedirects: 0 });
    // The proxy lets a cookie through; the page itself finds no valid session and sends it to sign in.
    expect([200, 303, 307], path).toContain(page.status());
    if (page.status() === 200) expect(await page.text(), path).toContain('Create blog');
    else expect(page.headers().location, path).toMatch(/\/login/);
  }
  expect((await forged.get('/admin/export/blog.db')).status()).toBe(401);
  expect((await forged.post('/api/media', { multipart: { file: { name: 'x.png', mimeType: 'image/png', buffer: Buffer.from([1, 2, 3]) } } })).status()).toBe(401);
  expect((await forged.post('/api/import', { multipart: { file: { name: 'x.xml', mimeType: 'application/xml', buffer: Buffer.from('<feed/>') } } })).status()).toBe(401);
  await forged.dispose();
});

// Over HTTP an admin action can only be reached through its admin page, where the proxy
// answers first; app/admin/guard.test.ts calls every admin page and action directly.
test('the editor action, replayed from a client without cookies, stores nothing', async ({ page, baseURL }) => {
  await signIn(page);
  await page.goto('/admin/posts/new');
  const hidden = await page.locator('form input[type="hidden"]').evaluateAll((inputs) =>
    inputs.map((input) => [(input as HTMLInputElement).name, (input as HTMLInputElement).value] as const),
  );
  expect(hidden.some(([name]) => name.startsWith('$ACTION'))).toBe(true);

  const title = unique('Forged post');
  const anonymous = await playwrightRequest.newContext({ baseURL });
  const multipart = { ...Object.fromEntries(hidden), title, body: 'forged', labels: '', intent: 'publish' };
  const response = await anonymous.post('/admin/posts/new', { multipart, maxRedirects: 0 });
  expect(response.status()).toBeGreaterThanOrEqual(300);
  expect(response.status()).toBeLessThan(500);
  await anonymous.dispose();

  await page.goto('/admin');
  await expect(page.getByRole('heading', { name: 'Posts', level: 1 })).toBeVisible();
  await expect(page.getByText(title)).toHaveCount(0);
  await page.goto('/');
  await expect(page.getByText(title)).toHaveCount(0);
});

test('an unknown permalink is a 404 page, not an error', async ({ page }) => {
  for (const path of ['/2020/01/no-such-post.html', '/2020/13/x.html', '/nothing/here', ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByText('Sorry, the page you were looking for does not exist.')).toBeVisible();
  }
});

test('an address with broken %-encoding gets a clear 400, not an error', async ({ request }) => {
  for (const path of ['/2020/01/%E0%A4%A.html', '/search/label/%ZZ']) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(400);
    expect(await response.text()).toContain('broken %-encoded character');
  }
});

test('pages carry security headers; admin pages are never cached; HSTS only over https', async ({ request }) => {
  const home = await request.get('/');
  expect(home.headers()['x-content-type-options']).toBe('nosniff');
  expect(home.headers()['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(home.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(home.headers()['x-powered-by']).toBeUndefined();
  expect(home.headers()['strict-transport-security']).toBeUndefined();
  const admin = await request.get('/admin', { maxRedirects: 0 });
  expect(admin.headers()['cache-control']).toContain('no-store');
  const overHttps = await request.get('/', { headers: { 'x-forwarded-proto': 'https' } });
  expect(overHttps.headers()['strict-transport-security']).toContain('max-age=31536000');
});

test('a forged x-middleware-subrequest or prefetch header never reveals admin content', async ({ request }) => {
  const forged: Record<string, string>[] = [
    { 'x-middleware-subrequest': 'proxy:proxy:proxy:proxy:proxy' },
    { 'x-middleware-subrequest': 'middleware:middleware:middleware:middleware:middleware' },
    { 'next-router-prefetch': '1', rsc: '1' },
    { purpose: 'prefetch', 'next-router-prefetch': '1' },
  ];
  for (const headers of forged) {
    for (const path of ['/admin/posts/new', '/admin/settings', '/admin/comments']) {
      const response = await request.get(path, { headers, maxRedirects: 0 });
      const body = await response.text();
      expect(body, `${path} ${JSON.stringify(headers)}`).not.toContain('Save draft');
      expect(body).not.toContain('Blocked words');
      expect(body).not.toContain('With ticked comments');
    }
  }
});

test('a server action posted from another origin is refused and changes nothing', async ({ page, baseURL }) => {
  await signIn(page);
  await page.goto('/admin/settings');
  // The settings form's own hidden fields (its action id): the page has other forms (Send a test email).
  const settingsForm = page.locator('form', { has: page.getByLabel('Blog title') });
  const hidden = await settingsForm.locator('input[type="hidden"]').evaluateAll((inputs) =>
    inputs.map((input) => [(input as HTMLInputElement).name, (input as HTMLInputElement).value] as const),
  );
  const cookies = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  const gadgets = ['search', 'profile', 'popular', 'archive', 'labels', 'pages', 'subscribe', 'attribution'];
  const post = (blogTitle: string, origin: string) =>
    page.request.post('/admin/settings', {
      multipart: {
        ...Object.fromEntries(hidden),
        ...Object.fromEntries(gadgets.map((g, i) => [[`gadget-${g}-show`, 'on'], [`gadget-${g}-position`, String(i + 1)]]).flat()),
        blogTitle,
        blogDescription: '',
        postsPerPage: '10',
        timezone: 'UTC',
        headerAdsHtml: '',
        commentModeration: 'never',
        moderateAfterDays: '14',
        trustApprovedCommenters: 'on',
        blockedWords: '',
        notifyEmails: '',
        labelsShow: 'all',
        labelsSelected: '',
        labelsSort: 'name',
        labelsDisplay: 'list',
        labelsLimit: '30',
        labelsShowCounts: 'on',
      },
      headers: { origin, cookie: cookies },
      maxRedirects: 0,
    });
  const forged = await post('Taken over', 'https://evil.example');
  expect(forged.status()).toBeGreaterThanOrEqual(400);
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'Taken over' })).toHaveCount(0);

  // The same request from the blog's own origin does go through, so the refusal above is the origin check.
  const own = new URL(baseURL!).origin;
  expect((await post(`${admin.blogTitle} (control)`, own)).status()).toBeLessThan(400);
  await page.goto('/admin/settings');
  await expect(page.getByLabel('Blog title')).toHaveValue(`${admin.blogTitle} (control)`);
  expect((await post(admin.blogTitle, own)).status()).toBeLessThan(400);
});
