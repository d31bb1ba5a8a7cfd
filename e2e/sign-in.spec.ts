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
