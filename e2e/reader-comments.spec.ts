import { expect, test } from '@playwright/test';
import { newReader, publishPost, readerIp, signIn, unique, waitLikeAReader } from './support';

let permalink: string;

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  await signIn(page);
  permalink = await publishPost(page, { title: unique('Open for comments'), body: 'Tell me what you think.' });
  await page.close();
});

test.beforeEach(async ({ page }) => {
  await page.setExtraHTTPHeaders({ 'x-forwarded-for': readerIp() });
});

test('a comment without a name or text is refused with clear messages and nothing is stored', async ({ page }) => {
  await page.goto(permalink);
  await page.getByLabel('Website').fill('https://example.org/me');
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByText('Please enter your name.')).toBeVisible();
  await expect(page.getByText('Please write a comment.')).toBeVisible();
  await expect(page.getByLabel('Website')).toHaveValue('https://example.org/me');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'No comments:' })).toBeVisible();
});

test('a bad website address is refused and the comment text is kept', async ({ page }) => {
  await page.goto(permalink);
  await page.getByLabel('Name').fill('Mallory');
  await page.getByLabel('Website').fill('javascript:alert(1)');
  await page.getByLabel('Comment', { exact: true }).fill('Keep me');
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByText(/Please enter a web address starting with http/)).toBeVisible();
  await expect(page.getByLabel('Comment', { exact: true })).toHaveValue('Keep me');
});

test('markup in a comment is shown as text, and the website link is marked ugc', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  await page.goto(permalink);
  await page.getByLabel('Name').fill('Tom <b>Bold</b>');
  await page.getByLabel('Website').fill('https://example.org/tom');
  await page.getByLabel('Comment', { exact: true }).fill('<script>alert(1)</script><img src=x onerror=alert(2)> & more');
  await waitLikeAReader(page);
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByText('<script>alert(1)</script><img src=x onerror=alert(2)> & more')).toBeVisible();
  const link = page.getByRole('link', { name: 'Tom <b>Bold</b>' });
  await expect(link).toHaveAttribute('rel', 'ugc nofollow noopener');
  await expect(link).toHaveAttribute('href', 'https://example.org/tom');
  expect(dialogs).toBe(0);
});

test('the comment form works without JavaScript', async ({ browser }) => {
  const context = await newReader(browser, { javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(permalink);
  const before = await page.getByRole('heading', { name: /comments?:$/ }).textContent();
  await page.getByLabel('Name').fill('No-JS Nora');
  await page.getByLabel('Comment', { exact: true }).fill('Plain HTML forms still work.');
  await waitLikeAReader(page);
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByText('Plain HTML forms still work.')).toBeVisible();
  await expect(page.getByRole('heading', { name: /comments?:$/ })).not.toHaveText(before!);
  await context.close();
});
