import { expect, test } from '@playwright/test';
import { admin, readerIp, signIn } from './support';

test.describe('signing in', () => {
  test('a wrong password and an unknown email get the same message, and the email is kept', async ({ page }) => {
    for (const email of [admin.email, 'nobody@example.com']) {
      await page.goto('/login');
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill('not the password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByText('Invalid email or password.')).toBeVisible();
      await expect(page.getByLabel('Email')).toHaveValue(email);
    }
    await page.goto('/admin/posts/new');
    await expect(page).toHaveURL(/\/login/);
  });

  test('signing in returns the author to the admin page they asked for', async ({ page }) => {
    await page.goto('/admin/posts/new');
    await expect(page).toHaveURL(/\/login\?callbackUrl=/);
    await page.getByLabel('Email').fill(admin.email.toUpperCase());
    await page.getByLabel('Password').fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/admin\/posts\/new$/);
    await expect(page.getByRole('heading', { name: 'New post' })).toBeVisible();
  });

  test('a signed-in author who opens /login goes straight to the admin', async ({ page }) => {
    await signIn(page);
    await page.goto('/login');
    await expect(page).toHaveURL(/\/admin$/);
  });
});

test('after five wrong passwords for one email from one address, the sixth attempt waits minutes (HTTP 429)', async ({ page, request }) => {
  const ip = readerIp();
  await page.setExtraHTTPHeaders({ 'x-forwarded-for': ip });
  await page.goto('/login');
  for (let i = 0; i < 5; i++) {
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password').fill(`wrong ${i}`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('Invalid email or password.')).toBeVisible();
  }
  // Even the right password now has to wait.
  await page.getByLabel('Email').fill(admin.email);
  await page.getByLabel('Password').fill(admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText(/Too many failed sign-ins to this account from your network\. Please wait 5 minutes/)).toBeVisible();

  const direct = await request.post('/login/submit', {
    form: { email: admin.email, password: admin.password },
    headers: { 'x-forwarded-for': ip },
    maxRedirects: 0,
  });
  expect(direct.status()).toBe(429);
  expect(Number(direct.headers()['retry-after'])).toBeGreaterThan(200);
  // The admin elsewhere is not locked out by someone guessing from this address.
  const elsewhere = await request.post('/login/submit', {
    form: { email: admin.email, password: admin.password },
    headers: { 'x-forwarded-for': readerIp(), accept: 'application/json' },
    maxRedirects: 0,
  });
  expect(elsewhere.status()).toBe(200);
});

test('an address guessing at many emails is locked for all of them, and its own account does not clear that', async ({ request }) => {
  const ip = readerIp();
  const post = (email: string, password: string) =>
    request.post('/login/submit', { form: { email, password }, headers: { 'x-forwarded-for': ip, accept: 'application/json' }, maxRedirects: 0 });
  for (let i = 0; i < 19; i++) expect((await post(`guess${i}@example.com`, 'wrong')).status()).toBe(401);
  // A successful sign-in from the same address gives back its own attempt only.
  expect((await post(admin.email, admin.password)).status()).toBe(200);
  expect((await post('guess-last@example.com', 'wrong')).status()).toBe(401);
  const locked = await post('another@example.com', 'wrong');
  expect(locked.status()).toBe(429);
  expect((await locked.json()).message).toMatch(/Too many failed sign-ins from your network/);
});

test('a burst of parallel wrong passwords cannot slip past the count', async ({ request }) => {
  const ip = readerIp();
  const answers = await Promise.all(
    Array.from({ length: 12 }, (_, i) =>
      request.post('/login/submit', {
        form: { email: admin.email, password: `burst ${i}` },
        headers: { 'x-forwarded-for': ip, accept: 'application/json' },
        maxRedirects: 0,
      }),
    ),
  );
  const statuses = answers.map((a) => a.status()).sort();
  expect(statuses.filter((s) => s === 401)).toHaveLength(5);
  expect(statuses.filter((s) => s === 429)).toHaveLength(7);
});

test("Auth.js's own sign-in endpoint is closed: only the throttled form signs in", async ({ request }) => {
  const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const ip = readerIp();
  for (const password of [...Array.from({ length: 8 }, (_, i) => `wrong ${i}`), admin.password]) {
    const answer = await request.post('/api/auth/callback/credentials', {
      form: { csrfToken, email: admin.email, password, callbackUrl: '/admin' },
      headers: { 'x-forwarded-for': ip },
      maxRedirects: 0,
    });
    expect(answer.status()).toBe(405);
    expect(answer.headers()['set-cookie'] ?? '').not.toMatch(/session-token/);
  }
  const signedIn = await request.get('/api/auth/session');
  expect(await signedIn.json()).toBeNull();
});

test('signing out ends the session everywhere: an old cookie no longer opens the admin', async ({ browser }) => {
  const first = await browser.newContext();
  const page = await first.newPage();
  await signIn(page);
  const cookies = await first.cookies();

  // The same session copied into another browser works…
  const copy = await browser.newContext();
  await copy.addCookies(cookies);
  const copied = await copy.newPage();
  await copied.goto('/admin/posts/new');
  await expect(copied.getByRole('heading', { name: 'New post' })).toBeVisible();

  // …until the author signs out in the first one.
  await page.goto('/admin');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL('/');
  await copied.goto('/admin/posts/new');
  await expect(copied).toHaveURL(/\/login/);
  await first.close();
  await copy.close();
});
