import { expect, test, type Page } from '@playwright/test';
import { admin, linkIn, mailTo, newReader, publishPost, signIn, unique, uniqueAddress, waitForMail, waitLikeAReader, writeBody } from './support';

// Every mail here goes through the blog's outbox and background sender to a real SMTP server on
// localhost (test/mail-catcher.ts, started by playwright.config.ts), and is read back from it.

async function comment(page: Page, { name, email, body, notify = false }: { name: string; email?: string; body: string; notify?: boolean }) {
  await waitLikeAReader(page);
  await page.getByLabel('Name').fill(name);
  if (email) await page.getByRole('textbox', { name: 'Email (optional, never shown)' }).fill(email);
  await page.getByLabel('Comment', { exact: true }).fill(body);
  if (notify) await page.getByLabel('Email me replies').check();
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByText(body)).toBeVisible();
}

test('the admin sees the outbox in Settings and sends a test email', async ({ page }) => {
  await signIn(page);
  await page.goto('/admin/settings');
  const email = page.getByRole('region', { name: 'Email' });
  await expect(email.getByText('Sending through smtp://127.0.0.1')).toBeVisible();
  const before = (await mailTo(admin.email)).filter((m) => m.subject === '[Field Notes] Test email').length;
  await email.getByRole('button', { name: 'Send a test email' }).click();
  await expect(page.getByText(`A test email to ${admin.email} is in the outbox`)).toBeVisible();
  await expect.poll(async () => (await mailTo(admin.email)).filter((m) => m.subject === '[Field Notes] Test email').length, { timeout: 30_000 }).toBe(before + 1);
  const mail = (await mailTo(admin.email)).filter((m) => m.subject === '[Field Notes] Test email').at(-1)!;
  expect(mail.headers.from).toBe('Field Notes <blog@example.com>');
  expect(mail.text).toContain('Mail from your blog works');
  expect(mail.html).toContain('#b4410f');
  expect(mail.html).not.toMatch(/<img\b/i);
  await page.reload();
  await expect(page.getByRole('region', { name: 'Email' }).getByRole('cell', { name: /^Sent / }).first()).toBeVisible();
});

test('a new comment is mailed to the post’s author with a link that opens it for moderation', async ({ page, browser }) => {
  await signIn(page);
  const title = unique('Mailed comments');
  const permalink = await publishPost(page, { title, body: 'Tell me what you think.' });

  const context = await newReader(browser);
  const reader = await context.newPage();
  await reader.goto(permalink);
  const words = unique('Lovely post, thanks');
  await comment(reader, { name: 'Rita Reader', email: uniqueAddress('rita'), body: words });
  await context.close();

  const mail = await waitForMail(admin.email, (m) => m.text.includes(words));
  expect(mail.subject).toBe(`[Field Notes] New comment: “${title}”`);
  const moderate = linkIn(mail, '/admin/comments/');
  await page.goto(moderate);
  await expect(page.getByRole('heading', { name: 'Comment by Rita Reader' })).toBeVisible();
  await expect(page.getByText(words)).toBeVisible();
  await page.getByRole('button', { name: 'Mark as spam' }).click();
  await expect(page.getByText('1 comment marked as spam.')).toBeVisible();

  // The same link without a session asks for one first.
  const stranger = await browser.newPage();
  await stranger.goto(moderate);
  await expect(stranger).toHaveURL(/\/login/);
  await stranger.close();
});

test('a reader who asked for replies gets one by email, and one click on its link stops them', async ({ page, browser }) => {
  await signIn(page);
  const title = unique('Reply notices');
  const permalink = await publishPost(page, { title, body: 'Discuss.' });
  const asker = uniqueAddress('asker');

  const askerContext = await newReader(browser);
  const first = await askerContext.newPage();
  await first.goto(permalink);
  // Asking without an email is refused on the email field.
  await waitLikeAReader(first);
  await first.getByLabel('Name').fill('Ann Asker');
  await first.getByLabel('Comment', { exact: true }).fill('No address given.');
  await first.getByLabel('Email me replies').check();
  await first.getByRole('button', { name: 'Publish' }).click();
  await expect(first.getByText('Add your email to get replies by email')).toBeVisible();
  await first.goto(permalink);
  await comment(first, { name: 'Ann Asker', email: asker, body: 'Who else tried this?', notify: true });

  const replierContext = await newReader(browser);
  const replier = await replierContext.newPage();
  await replier.goto(permalink);
  await replier.getByRole('link', { name: 'Reply' }).first().click();
  await expect(replier.getByText('Replying to Ann Asker')).toBeVisible();
  const reply = unique('I did, it works');
  await comment(replier, { name: 'Ray Replier', email: uniqueAddress('ray'), body: reply });
  await replierContext.close();

  const mail = await waitForMail(asker, (m) => m.text.includes(reply));
  expect(mail.subject).toBe(`[Field Notes] New reply on “${title}”`);
  expect(mail.headers['list-unsubscribe']).toMatch(/^<http:\/\/127\.0\.0\.1:\d+\/email\/unsubscribe\?token=[\w.-]+>$/);
  expect(mail.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');

  const unsubscribe = linkIn(mail, '/email/unsubscribe/');
  await first.goto(unsubscribe);
  await expect(first.getByRole('heading', { name: 'Stop reply notices?' })).toBeVisible();
  await first.getByRole('button', { name: 'Stop reply notices' }).click();
  await expect(first.getByRole('heading', { name: 'No more reply notices' })).toBeVisible();

  // The header's one-click address works for a mail program too (no cookies, no page); a forged one does not.
  const oneClick = mail.headers['list-unsubscribe']!.slice(1, -1);
  const api = first.request;
  const answer = await api.post(oneClick, { form: { 'List-Unsubscribe': 'One-Click' } });
  expect(answer.status()).toBe(200);
  const forged = await api.post(oneClick.replace(/token=[\w-]{5}/, 'token=AAAAA'), { form: { 'List-Unsubscribe': 'One-Click' } });
  expect(forged.status()).toBe(400);
  await first.goto('/email/unsubscribe/not-a-real-token');
  await expect(first.getByRole('heading', { name: 'This unsubscribe link does not work' })).toBeVisible();
  await askerContext.close();
});

test('a reader follows by email: confirms, gets a new post and a scheduled one at its time; the admin sees and removes them', async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signIn(page);
  // The gadget is off until the admin places it on the Layout.
  await page.goto('/admin/settings');
  await page.getByLabel('Show Follow by Email').check();
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();

  const follower = uniqueAddress('fan');
  const context = await newReader(browser);
  const reader = await context.newPage();
  await reader.goto('/');
  const gadget = reader.getByRole('region', { name: 'Follow by Email' });
  await gadget.getByLabel('Get new posts by email:').fill('not an address');
  // The browser's own check stops a plain mistake; the server refuses what gets past it.
  const refused = await reader.request.post('/email/subscribe', { form: { email: 'a@b@c' }, headers: { origin: new URL(reader.url()).origin } });
  expect(refused.status()).toBe(400);
  expect(await refused.text()).toContain('Please enter an email address');
  await gadget.getByLabel('Get new posts by email:').fill(follower);
  await gadget.getByRole('button', { name: 'Follow' }).click();
  await expect(reader.getByRole('heading', { name: 'Check your inbox' })).toBeVisible();
  // Asking again within the hour sends no second confirmation.
  await reader.goto('/');
  await gadget.getByLabel('Get new posts by email:').fill(follower);
  await gadget.getByRole('button', { name: 'Follow' }).click();
  await expect(reader.getByRole('heading', { name: 'Check your inbox' })).toBeVisible();

  const confirmation = await waitForMail(follower, (m) => m.subject === '[Field Notes] Confirm your subscription');
  await reader.goto(linkIn(confirmation, '/email/confirm/'));
  await reader.getByRole('button', { name: 'Confirm my subscription' }).click();
  await expect(reader.getByRole('heading', { name: 'You follow Field Notes' })).toBeVisible();
  // Used again: it says so, and does nothing more.
  await reader.goto(linkIn(confirmation, '/email/confirm/'));
  await expect(reader.getByRole('heading', { name: 'You follow Field Notes' })).toBeVisible();
  await reader.goto('/email/confirm/forged.token');
  await expect(reader.getByRole('heading', { name: 'This link does not work' })).toBeVisible();
  expect((await mailTo(follower)).filter((m) => m.subject.includes('Confirm'))).toHaveLength(1);

  const title = unique('For my followers');
  await page.goto('/admin/posts/new');
  await page.getByLabel('Title').fill(title);
  await writeBody(page, 'The opening paragraph.');
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByText('Your post is published.')).toBeVisible();
  const post = await waitForMail(follower, (m) => m.subject === `[Field Notes] ${title}`);
  expect(post.text).toContain('The opening paragraph.');
  expect(post.text).toMatch(/\/\d{4}\/\d{2}\/[\w-]+\.html/);
  expect(post.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
  expect(post.html).not.toMatch(/<img\b/i);

  // Edited after it went out: not sent again.
  await page.getByLabel('Title').fill(`${title} (edited)`);
  await page.getByRole('button', { name: 'Update' }).click();
  await expect(page.getByText('Your changes are published.')).toBeVisible();

  const later = unique('Scheduled for followers');
  const at = new Date(Date.now() + 20_000);
  await page.goto('/admin/posts/new');
  await page.getByLabel('Title').fill(later);
  await writeBody(page, 'Written earlier.');
  await page.getByLabel('Publish at').fill(at.toISOString().slice(0, 19));
  await page.getByRole('button', { name: 'Schedule' }).click();
  await expect(page.getByText(/^Scheduled: it will appear on the blog at/)).toBeVisible();
  const scheduled = await waitForMail(follower, (m) => m.subject === `[Field Notes] ${later}`, 60_000);
  // The field holds whole seconds: the post is due at the start of that second, and not before.
  expect(scheduled.receivedAt).toBeGreaterThanOrEqual(Math.floor(at.getTime() / 1000) * 1000);
  expect((await mailTo(follower)).filter((m) => m.subject.startsWith(`[Field Notes] ${title}`))).toHaveLength(1);

  await page.goto('/admin/followers');
  const row = page.getByRole('row').filter({ hasText: follower });
  await expect(row.getByRole('cell', { name: 'Following' })).toBeVisible();
  const csv = await (await page.request.get('/admin/followers/export')).text();
  expect(csv).toContain(`${follower},confirmed,`);
  await row.getByRole('button', { name: `Remove ${follower}` }).click();
  await expect(page.getByText('1 follower removed.')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: follower })).toHaveCount(0);
  // The old unsubscribe link now names nobody.
  await reader.goto(linkIn(post, '/email/unsubscribe/'));
  await expect(reader.getByRole('heading', { name: 'This unsubscribe link does not work' })).toBeVisible();
  await context.close();
});

test('an author who forgot their password gets a one-time link by email; using it ends their sessions', async ({ page, browser }) => {
  await signIn(page);
  const email = uniqueAddress('forgetful');
  await page.goto('/admin/authors');
  await page.getByLabel('Name').fill('Fay Forgetful');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Role').selectOption('author');
  await page.getByLabel('First password').fill('the first password');
  await page.getByRole('button', { name: 'Add author' }).click();
  await expect(page.getByText('The author is added.')).toBeVisible();

  // Signed in somewhere else, before the reset.
  const elsewhereContext = await browser.newContext();
  const elsewhere = await elsewhereContext.newPage();
  await signIn(elsewhere, { email, password: 'the first password' });

  const context = await browser.newContext();
  const fay = await context.newPage();
  await fay.goto('/login');
  await fay.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(fay.getByRole('heading', { name: 'Forgot your password?' })).toBeVisible();
  const sameAnswer = 'If an account on this blog uses that address, a link to choose a new password is on its way.';
  await fay.getByLabel('Email').fill(uniqueAddress('nobody'));
  await fay.getByRole('button', { name: 'Email me a link' }).click();
  await expect(fay.getByText(sameAnswer)).toBeVisible();
  await fay.getByLabel('Email').fill(email.toUpperCase());
  await fay.getByRole('button', { name: 'Email me a link' }).click();
  await expect(fay.getByText(sameAnswer)).toBeVisible();

  const mail = await waitForMail(email, (m) => m.subject === '[Field Notes] Choose a new password');
  const link = linkIn(mail, '/reset-password/');
  await fay.goto(link);
  await fay.getByLabel('New password').fill('a brand new password');
  await fay.getByRole('button', { name: 'Set password' }).click();
  await expect(fay.getByText('Your new password is set. Please sign in with it.')).toBeVisible();
  await signIn(fay, { email, password: 'a brand new password' });

  // The link worked once; the old session ended.
  expect((await fay.goto(link))?.status()).toBe(404);
  await expect(fay.getByRole('heading', { name: 'This password link does not work' })).toBeVisible();
  await elsewhere.goto('/admin');
  await expect(elsewhere).toHaveURL(/\/login/);
  await elsewhereContext.close();
  await context.close();
});
