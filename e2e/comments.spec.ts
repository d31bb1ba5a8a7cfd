import { expect, request as playwrightRequest, test } from '@playwright/test';
import { formFields, key, postComment, postWithPolicy } from './comment-support';
import { newReader, readerIp, waitLikeAReader } from './support';

for (const javaScriptEnabled of [true, false]) {
  test(`a reader comments and replies, and the counts follow (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async ({ page, browser }) => {
    const { permalink } = await postWithPolicy(page, 'inherit');
    const reader = await newReader(browser, { javaScriptEnabled });
    const r = await reader.newPage();
    await r.goto(permalink);
    await expect(r.getByRole('heading', { name: 'No comments:' })).toBeVisible();

    await r.getByLabel('Name').fill('Ann Reader');
    await r.getByLabel('Comment', { exact: true }).fill('First thought.\n\nSecond paragraph with https://example.org/more link.');
    await waitLikeAReader(r);
    await r.getByRole('button', { name: 'Publish' }).click();
    await expect(r.getByRole('heading', { name: '1 comment:' })).toBeVisible();
    const first = r.getByRole('article', { name: 'Comment by Ann Reader' });
    await expect(first.getByRole('link', { name: 'https://example.org/more' })).toHaveAttribute('rel', 'ugc nofollow noopener');

    // Reply, from another reader.
    await reader.setExtraHTTPHeaders({ 'x-forwarded-for': readerIp() });
    await first.getByRole('link', { name: 'Reply' }).click();
    await expect(r.getByText('Replying to Ann Reader')).toBeVisible();
    // Changing one's mind: Cancel reply goes back to a plain comment, without moving the page.
    await r.getByRole('link', { name: 'Cancel reply' }).click();
    await expect(r.getByText('Replying to Ann Reader')).toBeHidden();
    await expect(r).not.toHaveURL(/replyTo=/);
    await first.getByRole('link', { name: 'Reply' }).click();
    await expect(r.getByText('Replying to Ann Reader')).toBeVisible();
    await r.getByLabel('Name').fill('Bo Replier');
    await r.getByLabel('Comment', { exact: true }).fill('Agreed!');
    await waitLikeAReader(r);
    await r.getByRole('button', { name: 'Publish' }).click();
    await expect(r.getByRole('heading', { name: '2 comments:' })).toBeVisible();
    // The reply sits inside the first comment's thread.
    const thread = r.getByRole('listitem').filter({ has: first });
    await expect(thread.getByRole('article', { name: 'Comment by Bo Replier' })).toBeVisible();
    await reader.close();

    await page.goto('/');
    const entry = page.getByRole('article').filter({ has: page.getByRole('link', { name: /^Comments inherit/ }) }).first();
    await expect(entry.getByRole('link', { name: '2 comments' }).first()).toBeVisible();
  });
}

test('a held comment shows only to its writer until the author approves it', async ({ page, browser }) => {
  const { permalink } = await postWithPolicy(page, 'always');
  const writer = await newReader(browser);
  const w = await writer.newPage();
  await w.goto(permalink);
  await w.getByLabel('Name').fill('Cautious Carol');
  await w.getByLabel('Comment', { exact: true }).fill('Will this need approval?');
  await waitLikeAReader(w);
  await w.getByRole('button', { name: 'Publish' }).click();
  await expect(w.getByText('Your comment is awaiting moderation.')).toBeVisible();
  await expect(w.getByRole('heading', { name: 'No comments:' })).toBeVisible();

  const other = await newReader(browser);
  const o = await other.newPage();
  await o.goto(permalink);
  await expect(o.getByText('Will this need approval?')).toHaveCount(0);

  // The author approves it from the Pending tab; the navigation shows the pending count.
  await page.goto('/admin/comments');
  await expect(page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: /Comments \d+ pending/ })).toBeVisible();
  const row = page.getByRole('listitem', { name: 'Comment by Cautious Carol' });
  await row.getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByText('1 comment approved.')).toBeVisible();

  await o.reload();
  await expect(o.getByText('Will this need approval?')).toBeVisible();
  await expect(o.getByRole('heading', { name: '1 comment:' })).toBeVisible();
  await writer.close();
  await other.close();
});

test('flood, duplicate, link, closed and bad-input rules answer with their HTTP status', async ({ page, baseURL }) => {
  const open = await postWithPolicy(page, 'never');
  const form = await formFields(page, open.permalink);
  const api = await playwrightRequest.newContext({ baseURL });

  const ip = readerIp();
  const ok = await postComment(api, form, { name: 'Fast Fred', body: 'One.' }, ip);
  expect(ok.status()).toBe(201);
  const flood = await postComment(api, form, { name: 'Fast Fred', body: 'Two.' }, ip);
  expect(flood.status()).toBe(429);
  expect(flood.headers()['retry-after']).toBe('15');
  const sameEmail1 = await postComment(api, form, { name: 'Eve', email: 'eve@example.com', body: 'Hello.' });
  expect(sameEmail1.status()).toBe(201);
  expect((await postComment(api, form, { name: 'Eve', email: 'eve@example.com', body: 'Again.' })).status()).toBe(429);

  expect((await postComment(api, form, { name: 'Fast Fred', body: 'One.' })).status()).toBe(409);

  const links = await postComment(api, form, { name: 'Linky', body: 'See https://a.example and https://b.example' });
  expect(links.status()).toBe(201);
  expect((await links.json()).status).toBe('pending');

  const empty = await postComment(api, form, { name: ' ', body: '' });
  expect(empty.status()).toBe(400);
  expect((await empty.json()).errors).toMatchObject({ name: ['Please enter your name.'], body: ['Please write a comment.'] });
  expect((await postComment(api, form, { name: 'x'.repeat(246), body: 'ok' })).status()).toBe(400);
  expect((await postComment(api, form, { name: 'Big', body: 'x'.repeat(4097) })).status()).toBe(400);
  expect((await postComment(api, { ...form, postId: '999999' }, { name: 'Nobody', body: 'Hi' })).status()).toBe(404);

  const closed = await postWithPolicy(page, 'closed');
  await page.goto(closed.permalink);
  await expect(page.getByText('Comments are closed on this post.')).toBeVisible();
  expect((await postComment(api, { ...form, postId: String(closed.id) }, { name: 'Late', body: 'Hi' })).status()).toBe(403);

  // Only the two accepted, published comments are shown.
  await page.goto(open.permalink);
  await expect(page.getByRole('heading', { name: '2 comments:' })).toBeVisible();
  await api.dispose();
});

test('sending a comment again (a double click, or back and resubmit) stores it once', async ({ browser, page, baseURL }) => {
  const { permalink } = await postWithPolicy(page, 'never');

  // The same form sent twice, as a double click does: the second answer points at the first comment.
  const form = await formFields(page, permalink);
  const api = await playwrightRequest.newContext({ baseURL });
  const submissionKey = key();
  const first = await postComment(api, form, { name: 'Double Dan', body: 'Clicked twice.', submissionKey });
  const second = await postComment(api, form, { name: 'Double Dan', body: 'Clicked twice.', submissionKey });
  expect([first.status(), second.status()]).toEqual([201, 200]);
  expect((await second.json()).location).toBe((await first.json()).location);
  await api.dispose();

  // Without JavaScript: send, go back, send the same words again.
  const reader = await newReader(browser, { javaScriptEnabled: false });
  const r = await reader.newPage();
  await r.goto(permalink);
  await r.getByLabel('Name').fill('Twice Tina');
  await r.getByLabel('Comment', { exact: true }).fill('Did this go through?');
  await waitLikeAReader(r);
  await r.getByRole('button', { name: 'Publish' }).click();
  await expect(r.getByRole('heading', { name: '2 comments:' })).toBeVisible();
  await r.goBack();
  await reader.setExtraHTTPHeaders({ 'x-forwarded-for': readerIp() });
  await r.getByLabel('Name').fill('Twice Tina');
  await r.getByLabel('Comment', { exact: true }).fill('Did this go through?');
  await waitLikeAReader(r);
  await r.getByRole('button', { name: 'Publish' }).click();
  await expect(r.getByRole('heading', { name: 'Your comment was not published' })).toBeVisible();
  await expect(r.getByText('It looks as though you have already said that on this post.')).toBeVisible();
  await r.getByRole('link', { name: 'Go back to the post' }).click();
  await expect(r.getByRole('heading', { name: '2 comments:' })).toBeVisible();
  await reader.close();
});
