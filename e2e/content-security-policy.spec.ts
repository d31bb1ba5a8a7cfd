import { expect, test } from '@playwright/test';

const nonceOf = (policy: string | undefined) => policy?.match(/'nonce-([^']+)'/)?.[1];

// Every page carries a nonce: pages rendered per request a fresh one each time, pages served from
// the page cache the one they were rendered with (see the last test).
test('every live page gets a fresh nonce, and each of its own scripts carries it', async ({ request }) => {
  const [first, second] = await Promise.all([request.get('/search?q=nonce&start=0'), request.get('/search?q=nonce&start=0')]);
  const policy = first.headers()['content-security-policy'];
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'/);
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).not.toContain('unsafe-inline');
  const nonce = nonceOf(policy)!;
  expect(nonceOf(second.headers()['content-security-policy'])).not.toBe(nonce);

  const html = await first.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(2);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  // A nonce sent by the client is never trusted.
  const forged = await request.get('/search?q=nonce&start=0', { headers: { 'x-nonce': 'forged', 'content-security-policy': "script-src 'nonce-forged'" } });
  expect(forged.headers()['content-security-policy']).not.toContain('forged');
  expect(await forged.text()).not.toContain('nonce="forged"');
});

test('a script injected into a page without the nonce never runs; the page’s own scripts do', async ({ page }) => {
  // As if sanitising had failed: hostile markup spliced into the real server response.
  await page.route(
    (url) => url.pathname === '/search',
    async (route) => {
      const response = await route.fetch();
      const injected = (await response.text()).replace(
        '<body',
        '<script>window.__injected = "inline"</script><img src="/nope.png" onerror="window.__injected = \'handler\'"><body',
      );
      await route.fulfill({ response, body: injected });
    },
  );
  const violations: string[] = [];
  await page.exposeFunction('reportViolation', (directive: string) => violations.push(directive));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportViolation: (d: string) => void }).reportViolation(event.effectiveDirective);
    });
  });
  let dialogs = 0;
  page.on('dialog', (dialog) => {
    dialogs++;
    void dialog.dismiss();
  });
  await page.goto('/search?q=nonce&start=0');
  // The nonce-carrying theme script ran before paint; React hydrated (the toggle exists only then) and works.
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-theme', /^(light|dark)$/);
  const before = await html.getAttribute('data-theme');
  await page.getByRole('button', { name: /^Switch to (light|dark) theme$/ }).click();
  await expect(html).toHaveAttribute('data-theme', before === 'dark' ? 'light' : 'dark');
  await expect.poll(() => violations.length).toBeGreaterThanOrEqual(2);
  expect(new Set(violations)).toEqual(new Set(['script-src-elem', 'script-src-attr']));
  expect(await page.evaluate(() => (window as unknown as { __injected?: string }).__injected)).toBeUndefined();
  expect(dialogs).toBe(0);
});

test('a page served from the cache keeps the nonce it was rendered with, and an injected script is blocked there too', async ({ page, request }) => {
  let fromCache: Awaited<ReturnType<typeof request.get>> | undefined;
  for (let i = 0; i < 8 && !fromCache; i++) {
    const response = await request.get('/');
    if (response.headers()['x-cache'] === 'HIT') fromCache = response;
  }
  expect(fromCache, 'the home page came from the page cache').toBeDefined();
  const policy = fromCache!.headers()['content-security-policy'];
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'/);
  expect(policy).not.toContain('unsafe-inline');
  const nonce = nonceOf(policy)!;
  for (const tag of (await fromCache!.text()).match(/<script\b[^>]*>/g) ?? []) expect(tag).toContain(`nonce="${nonce}"`);

  // As if sanitising had failed on a cached page: hostile markup spliced into the cached bytes.
  let served = '';
  await page.route(
    (url) => url.pathname === '/',
    async (route) => {
      const response = await route.fetch();
      served = response.headers()['x-cache'] ?? '';
      const injected = (await response.text()).replace('<body', '<script>window.__injected = "inline"</script><body');
      await route.fulfill({ response, body: injected });
    },
  );
  for (let i = 0; i < 8 && served !== 'HIT'; i++) await page.goto('/');
  expect(served).toBe('HIT');
  await expect(page.locator('html')).toHaveAttribute('data-theme', /^(light|dark)$/);
  expect(await page.evaluate(() => (window as unknown as { __injected?: string }).__injected)).toBeUndefined();
});
