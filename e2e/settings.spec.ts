import AxeBuilder from '@axe-core/playwright';
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

test('the admin shows the Labels gadget as a cloud of the most used labels, with a page of every label', async ({ page, browser }) => {
  await signIn(page);
  const [most, some, once] = [unique('Cloud most'), unique('Cloud some'), unique('Cloud once')];
  await publishPost(page, { title: unique('Cloudy'), body: 'Three labels.', labels: `${most}, ${some}, ${once}` });
  await publishPost(page, { title: unique('Cloudy'), body: 'Two labels.', labels: `${most}, ${some}` });
  await publishPost(page, { title: unique('Cloudy'), body: 'One label.', labels: most });

  await page.goto('/admin/settings');
  const gadget = page.getByRole('group', { name: 'Labels gadget' });
  await gadget.getByLabel('Show', { exact: true }).selectOption('Only these labels');
  // An unknown label is named on its field, and nothing is saved.
  await gadget.getByLabel('Labels to show').fill(`${most}, ${some}, ${once}, Cloud typo`);
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(gadget.getByText('There is no label “Cloud typo”.', { exact: false })).toBeVisible();
  await expect(gadget.getByLabel('Labels to show')).toHaveAttribute('aria-invalid', 'true');

  await gadget.getByLabel('Labels to show').fill(`${most}, ${some}, ${once}`);
  await gadget.getByLabel('Sort').selectOption('By frequency');
  await gadget.getByLabel('Display').selectOption('Cloud');
  await gadget.getByLabel('Most labels shown').fill('2');
  await gadget.getByLabel('Show the number of posts').uncheck();
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
  await expect(page.getByRole('group', { name: 'Labels gadget' }).getByLabel('Display')).toHaveValue('cloud');

  // Axe needs a page of its own context.
  const readerContext = await browser.newContext();
  const reader = await readerContext.newPage();
  await reader.goto('/');
  const labels = reader.getByRole('region', { name: 'Labels' });
  const cloud = labels.getByRole('list');
  // The two most used of the three, most used first; the counts are there for screen readers.
  await expect(cloud.getByRole('link')).toHaveText([most, some]);
  await expect(cloud.getByRole('listitem').first()).toContainText('(3 posts)');
  await expect(cloud.getByRole('listitem').nth(1)).toContainText('(2 posts)');
  const size = (name: string) => cloud.getByRole('link', { name }).evaluate((a) => parseFloat(getComputedStyle(a).fontSize));
  expect(await size(most)).toBeGreaterThan(await size(some));
  const axe = await new AxeBuilder({ page: reader }).include('[aria-labelledby="gadget-labels"]').withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);

  await labels.getByRole('link', { name: /^All labels \(\d+\)$/ }).click();
  await expect(reader).toHaveURL(/\/search\/label$/);
  await expect(reader.getByRole('heading', { name: 'Labels', level: 1 })).toBeVisible();
  await expect(reader.getByRole('main').getByRole('listitem').filter({ hasText: once })).toHaveText(`${once} (1)`);
  await reader.getByRole('main').getByRole('link', { name: once }).click();
  await expect(reader.getByRole('heading', { name: once, level: 1 })).toBeVisible();

  // Put the blog back as the other journeys expect it.
  await page.goto('/admin/settings');
  const reset = page.getByRole('group', { name: 'Labels gadget' });
  await reset.getByLabel('Show', { exact: true }).selectOption('All labels');
  await reset.getByLabel('Labels to show').fill('');
  await reset.getByLabel('Sort').selectOption('Alphabetically');
  await reset.getByLabel('Display').selectOption('List');
  await reset.getByLabel('Most labels shown').fill('30');
  await reset.getByLabel('Show the number of posts').check();
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
  await readerContext.close();
});
