import { expect, test } from '@playwright/test';
import { publishPost, signIn, unique } from './support';

test('the admin fills the Header Ads slot, hides a gadget and changes posts per page', async ({ page, browser }) => {
  await signIn(page);
  for (let i = 0; i < 2; i++) await publishPost(page, { title: unique('Filler'), body: 'Filler post.' });

  await page.goto('/admin/settings');
  await page.getByLabel('Header Ads').fill('<p>Spring seed swap, Saturday 10am</p><script>alert("ad")</script>');
  await page.getByLabel('Show Labels').uncheck();
  await page.getByLabel('Posts per page').fill('2');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
  await expect(page.getByLabel('Header Ads')).toHaveValue('<p>Spring seed swap, Saturday 10am</p>');

  const reader = await browser.newPage();
  let dialogs = 0;
  reader.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  await reader.goto('/');
  await expect(reader.getByRole('complementary', { name: 'Header Ads' })).toHaveText('Spring seed swap, Saturday 10am');
  await expect(reader.getByRole('region', { name: 'Labels' })).toHaveCount(0);
  await expect(reader.getByRole('region', { name: 'Search This Blog' })).toBeVisible();
  await expect(reader.locator('main article > h2')).toHaveCount(2);
  expect(dialogs).toBe(0);

  // Bad input is refused with a message and nothing changes.
  await page.getByLabel('Posts per page').fill('0');
  await page.getByLabel('Time zone').fill('Mars/Olympus');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Show at least 1 post per page.')).toBeVisible();
  await expect(page.getByText(/Please choose a time zone/)).toBeVisible();

  // Put the blog back as the other journeys expect it.
  await page.goto('/admin/settings');
  await page.getByLabel('Header Ads').fill('');
  await page.getByLabel('Show Labels').check();
  await page.getByLabel('Posts per page').fill('10');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
  await reader.reload();
  await expect(reader.getByRole('complementary', { name: 'Header Ads' })).toHaveCount(0);
  await reader.close();
});
