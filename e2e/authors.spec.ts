import { expect, test } from '@playwright/test';
import { admin, newReader, publishPost, signIn, unique } from './support';

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

test('an admin disables, re-enables, gives a password link to and deletes an author, and nothing they wrote is lost', async ({ page, browser }) => {
  await signIn(page);
  const name = unique('Theo Temp');
  const email = `${unique('theo').replace(/\s+/g, '-')}@example.com`.toLowerCase();
  await page.goto('/admin/authors');
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Role').selectOption('author');
  await page.getByLabel('First password').fill('theo first password');
  await page.getByRole('button', { name: 'Add author' }).click();
  await expect(page.getByText('The author is added.')).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: email });
  await expect(row.getByText('Can sign in')).toBeVisible();
  // The admin's own row offers nothing that could lock them out.
  await expect(page.getByRole('row').filter({ hasText: admin.email }).getByRole('button')).toHaveCount(0);

  // The author writes from their own browser (and address, so the sign-in throttle counts them alone).
  const theoContext = await newReader(browser);
  const theo = await theoContext.newPage();
  await signIn(theo, { email, password: 'theo first password' });
  const title = unique('Theo writes');
  const permalink = await publishPost(theo, { title, body: 'Still here after Theo leaves.' });

  // Disabled: the open session ends at once, signing in gets the wrong-password answer, the post stays.
  await row.getByRole('button', { name: `Disable ${name}` }).click();
  await expect(page.getByText('The author is disabled')).toBeVisible();
  await expect(row.getByText('Disabled', { exact: true })).toBeVisible();
  await theo.goto('/admin/posts/new');
  await expect(theo).toHaveURL(/\/login/);
  await theo.getByLabel('Email').fill(email);
  await theo.getByLabel('Password').fill('theo first password');
  await theo.getByRole('button', { name: 'Sign in' }).click();
  await expect(theo.getByText('Invalid email or password.')).toBeVisible();
  await theo.goto(permalink);
  await expect(theo.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(theo.getByText(`Posted by ${name}`).first()).toBeVisible();

  // Enabled again, and given a password link, shown once.
  await row.getByRole('button', { name: `Enable ${name}` }).click();
  await expect(page.getByText('The author can sign in again.')).toBeVisible();
  await row.getByRole('link', { name: `Password link for ${name}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Password link for ${name}` })).toBeVisible();
  await page.getByRole('button', { name: 'Make a password link' }).click();
  const link = await page.getByLabel(`Password link for ${name}`).inputValue();
  const linkPath = new URL(link).pathname;
  expect(linkPath).toMatch(/^\/reset-password\/[A-Za-z0-9_-]{43}$/);

  // Theo sets a new password with it (the usual rules apply), then signs in with it.
  await theo.goto(linkPath);
  await expect(theo.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
  await theo.getByLabel('New password').fill('short');
  await theo.getByRole('button', { name: 'Set password' }).click();
  await expect(theo.getByText('Please choose a password of at least 10 characters.')).toBeVisible();
  await theo.getByLabel('New password').fill('theo second password');
  await theo.getByRole('button', { name: 'Set password' }).click();
  await expect(theo).toHaveURL(/\/login\?notice=password-reset/);
  await expect(theo.getByText('Your new password is set.')).toBeVisible();
  await signIn(theo, { email, password: 'theo second password' });

  // The link worked once: opened again, it is a clear 404 page.
  const again = await (await browser.newContext()).newPage();
  expect((await again.goto(linkPath))?.status()).toBe(404);
  await expect(again.getByRole('heading', { name: 'This password link does not work' })).toBeVisible();
  await again.context().close();

  // Deleted, after a confirmation page (phone-sized here) that names who receives the posts.
  await page.goto('/admin/authors');
  await page.setViewportSize({ width: 390, height: 844 });
  await row.getByRole('link', { name: `Delete ${name}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Delete ${name}?` })).toBeVisible();
  await expect(page.getByText('1 post, 0 pages')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await page.getByLabel('Give their posts and pages to').selectOption({ label: `${admin.name} (you)` });
  await page.getByRole('button', { name: 'Delete author' }).click();
  await expect(page.getByText('The author is deleted.')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: email })).toHaveCount(0);

  // Their session is gone with them; the post is still published, now under the admin's name.
  await theo.goto('/admin/posts/new');
  await expect(theo).toHaveURL(/\/login/);
  await theo.goto(permalink);
  await expect(theo.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(theo.getByText(`Posted by ${admin.name}`).first()).toBeVisible();
  await theoContext.close();
});
