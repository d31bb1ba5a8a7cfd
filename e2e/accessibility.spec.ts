import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

async function firstPostPath(page: import('@playwright/test').Page): Promise<string> {
  await page.goto('/');
  return (await page.getByRole('main').getByRole('article').first().getByRole('heading').getByRole('link').getAttribute('href'))!;
}

for (const scheme of ['light', 'dark'] as const) {
  test(`reader pages have no axe violations (${scheme} theme)`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const post = await firstPostPath(page);
    const pages = ['/', post, '/search/label', '/search/label/Garden', post.split('/').slice(0, 3).join('/'), '/search?q=tomato', '/p/about.html'];
    for (const path of pages) {
      await page.goto(path);
      await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
      const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
      expect(summary, path).toEqual([]);
    }
  });
}

test('each reader page has exactly one h1 and a skip link to the content', async ({ page }) => {
  const post = await firstPostPath(page);
  for (const path of ['/', post, '/search/label', '/search/label/Garden', '/search?q=tomato']) {
    await page.goto(path);
    await expect(page.locator('h1'), path).toHaveCount(1);
  }
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
});
