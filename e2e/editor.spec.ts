import { expect, test } from '@playwright/test';
import { htmlMode, publishPost, signIn, unique, writeBody } from './support';

test.describe('writing posts', () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page);
  });

  test('an empty title is refused and the body typed so far is kept', async ({ page }) => {
    await page.goto('/admin/posts/new');
    await writeBody(page, 'A paragraph I do not want to lose.');
    await page.getByLabel('Labels').fill('Drafts');
    await page.getByRole('button', { name: 'Publish' }).click();
    await expect(page.getByText('Please give the post a title.')).toBeVisible();
    await expect(page.getByLabel('Title')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('textbox', { name: 'Body' })).toHaveText('A paragraph I do not want to lose.');
    await expect(page.getByLabel('Labels')).toHaveValue('Drafts');
  });

  test('an empty body is refused and the title is kept', async ({ page }) => {
    await page.goto('/admin/posts/new');
    await page.getByLabel('Title').fill('Title without words');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect(page.getByText('Please write something in the post.')).toBeVisible();
    await expect(page.getByLabel('Title')).toHaveValue('Title without words');
  });

  test('a draft stays private until it is published, then keeps its permalink through edits', async ({ page, browser }) => {
    const title = unique('Draft then publish');
    await page.goto('/admin/posts/new');
    await page.getByLabel('Title').fill(title);
    await htmlMode(page);
    await page.getByLabel('Body').fill('<p>Some <strong>bold</strong> words.</p><script>alert(1)</script>');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect(page.getByText('Draft saved.')).toBeVisible();
    await expect(page.getByText('Draft', { exact: true })).toBeVisible();

    const reader = await browser.newPage();
    await reader.goto('/');
    await expect(reader.getByRole('heading', { name: title })).toHaveCount(0);

    await page.getByRole('button', { name: 'Publish' }).click();
    await expect(page.getByText('Your post is published.')).toBeVisible();
    const permalink = await page.getByRole('link', { name: 'View post' }).getAttribute('href');
    // The script was removed on save; the formatting stays.
    await htmlMode(page);
    await expect(page.getByLabel('Body')).toHaveValue('<p>Some <strong>bold</strong> words.</p>');

    await page.getByLabel('Title').fill(`${title} (edited)`);
    await page.getByRole('button', { name: 'Update' }).click();
    await expect(page.getByText('Your changes are published.')).toBeVisible();
    await expect(page.getByRole('link', { name: 'View post' })).toHaveAttribute('href', permalink!);

    await reader.goto(permalink!);
    await expect(reader.getByRole('heading', { level: 1, name: `${title} (edited)` })).toBeVisible();
    await expect(reader.locator('strong', { hasText: 'bold' })).toBeVisible();
    await reader.close();
  });

  test('Markdown shortcuts in the visual editor become headings, quotes, bold and lists on the public page', async ({ page, browser }) => {
    const title = unique('Markdown');
    await page.goto('/admin/posts/new');
    await page.getByLabel('Title').fill(title);
    const body = page.getByRole('textbox', { name: 'Body' });
    await body.click();
    await page.keyboard.type('## A heading');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Some **strong** words');
    await page.keyboard.press('Enter');
    await page.keyboard.type('> Quoted wisdom');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('- first item');
    await expect(body.locator('h2')).toHaveText('A heading');
    await page.getByRole('button', { name: 'Publish' }).click();
    await expect(page.getByText('Your post is published.')).toBeVisible();
    const permalink = (await page.getByRole('link', { name: 'View post' }).getAttribute('href'))!;

    const reader = await browser.newPage();
    await reader.goto(permalink);
    const article = reader.getByRole('article').first();
    await expect(article.getByRole('heading', { level: 2, name: 'A heading' })).toBeVisible();
    await expect(article.locator('strong', { hasText: 'strong' })).toBeVisible();
    await expect(article.locator('blockquote')).toContainText('Quoted wisdom');
    await expect(article.locator('ul > li')).toHaveText('first item');
    await reader.close();
  });

  test('pasted Markdown arrives formatted', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/admin/posts/new');
    const body = page.getByRole('textbox', { name: 'Body' });
    await body.click();
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/plain', '# Pasted title\n\nA [link](https://example.org) and **bold**.\n\n1. one\n2. two');
      document.querySelector('[contenteditable="true"]')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await expect(body.locator('ol > li')).toHaveCount(2);
    await expect(body.getByRole('link', { name: 'link' })).toHaveAttribute('href', 'https://example.org');
    await expect(body.locator('strong')).toHaveText('bold');
  });

  test('labels already used are suggested as the author types', async ({ page }) => {
    await page.goto('/admin/posts/new');
    await page.getByLabel('Labels').fill('News, fir');
    await page.getByRole('list', { name: 'Existing labels' }).getByRole('button', { name: 'First Steps' }).click();
    await expect(page.getByLabel('Labels')).toHaveValue('News, First Steps, ');
  });

  test('the posts list shows each post with its status, comment count and views', async ({ page }) => {
    const title = unique('Listed post');
    await publishPost(page, { title, body: 'Listed.' });
    await page.goto('/admin');
    const row = page.getByRole('row').filter({ hasText: title });
    await expect(row.getByText('Published')).toBeVisible();
    // No comments and no views yet: two cells of 0.
    await expect(row.getByRole('cell', { name: '0', exact: true })).toHaveCount(2);
  });
});
