import { expect, test } from '@playwright/test';
import { readerIp, signIn } from './support';

// Route handlers get no origin check from Next (server actions do): each mutating one checks
// Origin itself, beside its SameSite cookie, and answers a clear 403, never a 500.
const routes: { path: string; form: Record<string, string> }[] = [
  { path: '/login/submit', form: { email: 'someone@example.com', password: 'x' } },
  { path: '/comments', form: { postId: '1', name: 'Reader', body: 'Hello' } },
  { path: '/api/posts/autosave', form: { title: 'Cross-site', body: 'x' } },
  { path: '/api/media', form: { file: 'x' } },
  { path: '/api/import', form: { file: 'x' } },
];

test('a post from another site, or from a page with no origin, is refused with 403 and says why', async ({ page }) => {
  await signIn(page);
  for (const { path, form } of routes) {
    for (const [origin, words] of [
      ['https://evil.example', /another site/],
      ['null', /no address/],
    ] as const) {
      const answer = await page.request.post(path, {
        form,
        headers: { origin, accept: 'application/json', 'x-forwarded-for': readerIp() },
        maxRedirects: 0,
      });
      expect(answer.status(), `${path} from ${origin}`).toBe(403);
      expect(await answer.text(), `${path} from ${origin}`).toMatch(words);
    }
  }
});

test('the same forms from the blog itself still work', async ({ page, baseURL }) => {
  const answer = await page.request.post('/login/submit', {
    form: { email: 'nobody@example.com', password: 'wrong' },
    headers: { origin: baseURL!, accept: 'application/json', 'x-forwarded-for': readerIp() },
  });
  expect(answer.status()).toBe(401);
});
