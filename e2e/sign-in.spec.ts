import { expect, test } from '@playwright/test';
import { admin, signIn } from './support';

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

test('after five wrong passwords from one address, the sixth attempt waits minutes (HTTP 429)', async ({ page, request }) => {
  const ip = `10.250.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
  await page.setExtraHTTPHeaders({ 'x-forwarded-for': ip });
  await page.goto('/login');
  for (let i = 0; i < 5; i++) {
    await page.getByLabel('Email').fill(i % 2 ? 'nobody@example.com' : admin.email);
    await page.getByLabel('Password').fill(`wrong ${i}`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('Invalid email or password.')).toBeVisible();
  }
  // Even the right password now has to wait.
  await page.getByLabel('Email').fill(admin.email);
  await page.getByLabel('Password').fill(admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText(/Too many failed sign-ins from your network\. Please wait 5 minutes/)).toBeVisible();

  const direct = await request.post('/login/submit', {
    form: { email: admin.email, password: admin.password },
    headers: { 'x-forwarded-for': ip },
    maxRedirects: 0,
  });
  expect(direct.status()).toBe(429);
  expect(Number(direct.headers()['retry-after'])).toBeGreaterThan(200);
  // Another address is not affected.
  const other = await request.post('/login/submit', {
    form: { email: admin.email, password: 'still wrong' },
    headers: { 'x-forwarded-for': '10.251.0.1' },
    maxRedirects: 0,
  });
  expect(other.status()).toBe(401);
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
