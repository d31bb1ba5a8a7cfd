import { expect, test } from '@playwright/test';
import { publishPost, signIn, unique } from './support';

test("an admin adds an author, who writes their own posts but cannot open the admin's", async ({ page, browser }) => {
  await signIn(page);
  const adminsPost = await publishPost(page, { title: unique("The admin's post"), body: 'Mine.' });
  const adminsPostId = page.url().match(/posts\/(\d+)/)![1];

  const email = `${unique('writer').replace(/\s+/g, '-')}@example.com`.toLowerCase();
  await page.goto('/admin/authors');
  await page.getByLabel('Name').fill('Wren Writer');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Role').selectOption('author');
  await page.getByLabel('First password').fill('short');
  await page.getByRole('button', { name: 'Add author' }).click();
  await expect(page.getByText('Please choose a password of at least 10 characters.')).toBeVisible();
  await expect(page.getByLabel('Email')).toHaveValue(email);
  await page.getByLabel('First password').fill('a fine first password');
  await page.getByRole('button', { name: 'Add author' }).click();
  await expect(page.getByText('The author is added.')).toBeVisible();
  await expect(page.getByRole('cell', { name: email })).toBeVisible();

  const writerContext = await browser.newContext();
  const writer = await writerContext.newPage();
  await signIn(writer, { email, password: 'a fine first password' });
  await expect(writer.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Settings' })).toHaveCount(0);
  const ownPost = await publishPost(writer, { title: unique('Wren writes'), body: 'Hello from Wren.' });

  // The admin's post is not theirs: the editor is a 404, and so is /admin/settings.
  expect((await writer.goto(`/admin/posts/${adminsPostId}`))?.status()).toBe(404);
  expect((await writer.goto('/admin/settings'))?.status()).toBe(404);
  await writer.goto('/admin');
  await expect(writer.getByRole('link', { name: /^The admin's post/ })).toHaveCount(0);

  // Their profile's bio appears on their author page.
  await writer.goto('/admin/profile');
  await writer.getByLabel('Bio').fill('Writes about wrens.');
  await writer.getByRole('button', { name: 'Save profile' }).click();
  await expect(writer.getByText('Your profile is saved.')).toBeVisible();
  await writer.goto(ownPost);
  await writer.getByRole('link', { name: 'Wren Writer' }).first().click();
  await expect(writer.getByRole('heading', { level: 1, name: 'Wren Writer' })).toBeVisible();
  await expect(writer.getByRole('main').getByText('Writes about wrens.')).toBeVisible();
  await expect(writer.getByRole('region', { name: 'Contributors' }).getByText('Writes about wrens.')).toBeVisible();
  expect(adminsPost).toMatch(/\.html$/);
  await writerContext.close();
});
