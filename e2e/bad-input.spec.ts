import { expect, test, type APIResponse } from '@playwright/test';
import { ensureSignedIn, publishPost, readerIp, unique, waitLikeAReader } from './support';

// Whatever a visitor sends, the answer is a 4xx with words a person can read, or a normal page:
// never a 5xx. Runs on the blog the first-run journey created, signed in where a form needs it.

function expectClientError(response: APIResponse, what: string) {
  expect(response.status(), what).toBeGreaterThanOrEqual(400);
  expect(response.status(), what).toBeLessThan(500);
}

const threeMegabytes = 'x'.repeat(3 * 1024 * 1024);

test('an oversized server action gets 413 with a reason, with or without JavaScript, and stores nothing', async ({ page }) => {
  await ensureSignedIn(page);
  await page.goto('/admin/posts/new');
  const hidden = await page.locator('form input[type="hidden"]').evaluateAll((inputs) =>
    inputs.map((input) => [(input as HTMLInputElement).name, (input as HTMLInputElement).value] as const),
  );
  const title = unique('Oversized');
  // The form as a browser without JavaScript sends it, with the session cookie of this page.
  const plain = await page.request.post('/admin/posts/new', {
    multipart: { ...Object.fromEntries(hidden), title, body: threeMegabytes, labels: '', intent: 'draft' },
    maxRedirects: 0,
  });
  expect(plain.status()).toBe(413);
  expect(await plain.text()).toContain('too large to send');
  // As the JavaScript client sends an action: the Next-Action header and a text body.
  const fetched = await page.request.post('/admin/posts/new', {
    headers: { 'next-action': 'a'.repeat(42), 'content-type': 'text/plain;charset=UTF-8' },
    data: JSON.stringify([threeMegabytes]),
    maxRedirects: 0,
  });
  expect(fetched.status()).toBe(413);

  await page.goto('/admin');
  await expect(page.getByRole('heading', { name: 'Posts', level: 1 })).toBeVisible();
  await expect(page.getByText(title)).toHaveCount(0);
});

test('malformed multipart uploads to /api/media get a 4xx that says what to do', async ({ page }) => {
  await ensureSignedIn(page);
  const attempts: { what: string; headers: Record<string, string>; data: Buffer }[] = [
    { what: 'no boundary', headers: { 'content-type': 'multipart/form-data' }, data: Buffer.from('--x\r\n\r\nhello') },
    { what: 'wrong boundary', headers: { 'content-type': 'multipart/form-data; boundary=abc' }, data: Buffer.from('--xyz\r\nnothing\r\n--xyz--') },
    {
      what: 'cut off mid-part',
      headers: { 'content-type': 'multipart/form-data; boundary=abc' },
      data: Buffer.from('--abc\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n\x89PNG'),
    },
    { what: 'not multipart', headers: { 'content-type': 'application/json' }, data: Buffer.from('{"file": "x"}') },
    {
      what: 'no file field',
      headers: { 'content-type': 'multipart/form-data; boundary=abc' },
      data: Buffer.from('--abc\r\nContent-Disposition: form-data; name="other"\r\n\r\nvalue\r\n--abc--\r\n'),
    },
  ];
  for (const { what, headers, data } of attempts) {
    const response = await page.request.post('/api/media', { headers, data });
    expectClientError(response, what);
    const { message } = (await response.json()) as { message: string };
    expect(message, what).toMatch(/upload could not be read|Choose an image/);
  }
});

test('invalid UTF-8 in an address or a form body is a 4xx or a normal answer, never a 5xx', async ({ page, request }) => {
  for (const path of ['/2024/01/%C3%28.html', '/p/%FF%FE.html', '/search/label/%ED%A0%80', '/author/%C0%AF']) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(400);
    expect(await response.text()).toContain('broken %-encoded character');
  }
  const search = await request.get('/search?q=%FF%FE');
  expect(search.status()).toBe(200);

  await ensureSignedIn(page);
  const permalink = await publishPost(page, { title: unique('Bytes'), body: 'Bad bytes welcome.' });
  await page.goto(permalink);
  await waitLikeAReader(page);
  const postId = (await page.locator('input[name="postId"]').getAttribute('value'))!;
  const shownAt = (await page.locator('input[name="shownAt"]').getAttribute('value'))!;
  const boundary = 'b0undary';
  const part = (name: string, value: Buffer | string) =>
    Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n`), Buffer.from(value), Buffer.from('\r\n')]);
  const body = Buffer.concat([
    part('postId', postId),
    part('shownAt', shownAt),
    part('submissionKey', `k${Date.now().toString(36)}invalid-utf8-bytes`),
    part('name', Buffer.from([0x41, 0xff, 0xfe, 0x42])),
    part('body', Buffer.from([0x68, 0x69, 0xc3, 0x28, 0xed, 0xa0, 0x80, 0x21])),
    Buffer.from(`--${boundary}--\r\n`),
  ]);
  const comment = await request.post('/comments', {
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, accept: 'application/json', 'x-forwarded-for': readerIp() },
    data: body,
  });
  // Undecodable bytes become U+FFFD, as browsers do: the comment is stored, readable, and harmless.
  expect(comment.status()).toBe(201);
  await page.goto(permalink);
  await expect(page.getByText('hi\uFFFD(\uFFFD\uFFFD\uFFFD!')).toBeVisible();

  // A server action whose body has bytes that are not UTF-8: the settings form, bytes swapped in flight.
  await page.goto('/admin/settings');
  await page.route('/admin/settings', async (route) => {
    const sent = route.request().postDataBuffer();
    if (route.request().method() !== 'POST' || !sent) return route.continue();
    const marker = Buffer.from('NOT-UTF8-HERE');
    const at = sent.indexOf(marker);
    const altered = at < 0 ? sent : Buffer.concat([sent.subarray(0, at), Buffer.from([0xff, 0xfe, 0xc3, 0x28]), sent.subarray(at + marker.length)]);
    await route.continue({ postData: altered });
  });
  const answered = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/admin/settings');
  await page.getByLabel('Blocked words').fill('NOT-UTF8-HERE');
  await page.getByRole('button', { name: 'Save settings' }).click();
  expect((await answered).status()).toBeLessThan(500);
  await page.unroute('/admin/settings');
  await page.goto('/admin/settings');
  await expect(page.getByLabel('Blocked words')).toHaveValue('\uFFFD\uFFFD\uFFFD(');
  await page.getByLabel('Blocked words').fill('');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
});

test('a 10,000-character slug is a 404 page, not an error', async ({ request }) => {
  const slug = 'a'.repeat(10_000);
  for (const path of [`/2024/01/${slug}.html`, `/p/${slug}.html`, `/search/label/${slug}`, `/author/${slug}`]) {
    const response = await request.get(path);
    expect(response.status(), path.slice(0, 30)).toBe(404);
    expect(await response.text()).toContain('Sorry, the page you were looking for does not exist.');
  }
});

test('negative, huge or garbage paging parameters get a normal page or a 4xx, never a 5xx', async ({ page, request }) => {
  await ensureSignedIn(page);
  await publishPost(page, { title: unique('Paging'), body: 'Something to page through.', labels: 'Paging' });
  const queries = [
    'max-results=-5',
    'max-results=0',
    'max-results=abc',
    'max-results=99999999999999999999',
    'updated-max=garbage',
    'updated-max=-1',
    'updated-max=2024-13-45T99:99:99',
    'updated-max=9999999999999999999999',
    'max-results=-5&updated-max=garbage&q=%00',
  ];
  for (const base of ['/search', '/search/label/Paging', '/feeds/posts/default', '/2024']) {
    for (const query of queries) {
      const response = await request.get(`${base}?${query}`);
      const what = `${base}?${query}`;
      expect(response.status(), what).toBeLessThan(500);
      if (response.status() >= 400) expect((await response.text()).length, what).toBeGreaterThan(0);
    }
  }
  // A bad page number shows the page readers expect, from the newest post.
  await page.goto('/search?max-results=-5&updated-max=garbage');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});
