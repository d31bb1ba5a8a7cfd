import { expect, test } from '@playwright/test';
import { admin, newReader, publishPost, waitLikeAReader } from './support';

test('a newcomer sets up the blog, publishes a post, a reader comments, and the author signs out', async ({ page, browser }) => {
  // A fresh blog: /login has nobody to sign in, so it leads to setup.
  await page.goto('/login');
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole('heading', { name: 'Welcome to Blogstead' })).toBeVisible();

  // A too-short password is refused and what was typed is kept.
  await page.getByLabel('Blog title').fill(admin.blogTitle);
  await page.getByLabel('Your name').fill(admin.name);
  await page.getByLabel('Email').fill(admin.email);
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Create blog' }).click();
  await expect(page.getByText('Please choose a password of at least 10 characters.')).toBeVisible();
  await expect(page.getByLabel('Blog title')).toHaveValue(admin.blogTitle);
  await expect(page.getByLabel('Email')).toHaveValue(admin.email);

  await page.getByLabel('Password').fill(admin.password);
  await page.getByRole('button', { name: 'Create blog' }).click();
  await expect(page.getByRole('heading', { name: 'Posts', level: 1 })).toBeVisible();
  await expect(page.getByText('No posts yet.')).toBeVisible();

  // Write and publish.
  await page.getByRole('link', { name: 'New post' }).click();
  const title = 'My first post on Blogstead';
  const permalink = await publishPost(page, {
    title,
    body: 'Hello, readers.\n\nThis is the second paragraph.',
    labels: 'News, First Steps',
  });
  expect(permalink).toMatch(/^\/\d{4}\/\d{2}\/my-first-post-on-blogstead\.html$/);

  // It is on the home page under the blog's title, and at its permalink.
  await page.goto('/');
  await expect(page.getByText(admin.blogTitle, { exact: true }).first()).toBeVisible();
  const entry = page.getByRole('article').filter({ has: page.getByRole('heading', { name: title }) });
  await expect(entry).toBeVisible();
  await expect(entry.getByText('Posted by Ada Lovelace')).toBeVisible();
  await expect(entry.getByRole('link', { name: 'No comments' })).toBeVisible();
  await entry.getByRole('link', { name: title }).click();
  await expect(page).toHaveURL(permalink);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText('This is the second paragraph.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'First Steps' }).first()).toBeVisible();

  // A reader, without an account, comments.
  const reader = await newReader(browser);
  const readerPage = await reader.newPage();
  await readerPage.goto(permalink);
  await expect(readerPage.getByRole('heading', { name: 'No comments:' })).toBeVisible();
  await readerPage.getByLabel('Name').fill('Grace Reader');
  await readerPage.getByLabel('Comment', { exact: true }).fill('Welcome to the blogosphere!\nLooking forward to more.');
  await waitLikeAReader(readerPage);
  await readerPage.getByRole('button', { name: 'Publish' }).click();
  await expect(readerPage.getByRole('heading', { name: '1 comment:' })).toBeVisible();
  await expect(readerPage.getByText('Welcome to the blogosphere!')).toBeVisible();
  await expect(readerPage.getByText('Grace Reader')).toBeVisible();
  await reader.close();

  // The post now reads "1 comment", on its page and on the home page.
  await page.reload();
  await expect(page.getByRole('link', { name: '1 comment' })).toBeVisible();
  await page.goto('/');
  await expect(entry.getByRole('link', { name: '1 comment' })).toBeVisible();

  // Sign out: the admin is closed again.
  await page.goto('/admin');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL('/');
  await expect
    .poll(async () => (await page.context().cookies()).filter((c) => c.name.includes('session-token')).length)
    .toBe(0);
  await page.goto('/admin/posts/new');
  await expect(page).toHaveURL(/\/login/);
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/login/);
});
