import { expect, type Page } from '@playwright/test';

/** The admin the first-run journey creates; later journeys sign in as them. */
export const admin = {
  blogTitle: 'Field Notes',
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  password: 'correct horse battery staple',
};

export async function signIn(page: Page, { email, password } = admin) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Posts', level: 1 })).toBeVisible();
}

/** A title no other spec or run will use, so each spec finds its own data. */
export function unique(prefix: string): string {
  return `${prefix} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** Writes and publishes a post from the editor; returns its permalink path. */
export async function publishPost(page: Page, { title, body, labels = '' }: { title: string; body: string; labels?: string }) {
  await page.goto('/admin/posts/new');
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Body').fill(body);
  await page.getByLabel('Labels').fill(labels);
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByText('Your post is published.')).toBeVisible();
  const href = await page.getByRole('link', { name: 'View post' }).getAttribute('href');
  expect(href).toMatch(/^\/\d{4}\/\d{2}\/[a-z0-9-_]+\.html$/);
  return href!;
}
