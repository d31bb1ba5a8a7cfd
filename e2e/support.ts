import { expect, type Browser, type Page } from '@playwright/test';

/** The admin the first-run journey creates; later journeys sign in as them. */
export const admin = {
  blogTitle: 'Field Notes',
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  password: 'correct horse battery staple',
};

export async function signIn(page: Page, { email, password }: { email: string; password: string } = admin) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Posts', level: 1 })).toBeVisible();
}

/** Signs in unless this page's browser already has a session. */
export async function ensureSignedIn(page: Page) {
  await page.goto('/admin');
  if (new URL(page.url()).pathname === '/login') await signIn(page);
}

/** A title no other spec or run will use, so each spec finds its own data. */
export function unique(prefix: string): string {
  return `${prefix} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** Switches the body editor to HTML mode, where the body is a plain textarea of HTML. */
export async function htmlMode(page: Page) {
  await page.getByRole('group', { name: 'Editor mode' }).getByRole('button', { name: 'HTML' }).click();
  await expect(page.getByRole('textbox', { name: 'Body' })).toHaveJSProperty('tagName', 'TEXTAREA');
}

/** Types a body in the visual editor: one paragraph per item, as an author would. */
export async function writeBody(page: Page, ...paragraphs: string[]) {
  const body = page.getByRole('textbox', { name: 'Body' });
  await expect(body).toHaveAttribute('contenteditable', 'true');
  await body.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  for (const [i, paragraph] of paragraphs.entries()) {
    if (i > 0) await page.keyboard.press('Enter');
    await page.keyboard.insertText(paragraph);
  }
}

/** Writes and publishes a post from the editor; returns its permalink path. */
export async function publishPost(page: Page, { title, body, labels = '' }: { title: string; body: string; labels?: string }) {
  await page.goto('/admin/posts/new');
  await page.getByLabel('Title').fill(title);
  await writeBody(page, ...body.split(/\n{2,}/));
  await page.getByLabel('Labels').fill(labels);
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByText('Your post is published.')).toBeVisible();
  const href = await page.getByRole('link', { name: 'View post' }).getAttribute('href');
  expect(href).toMatch(/^\/\d{4}\/\d{2}\/[a-z0-9-_]+\.html$/);
  return href!;
}

let ipCounter = 0;

/**
 * A fresh client address for each simulated reader. Flood control allows one comment per
 * address per 15 s; the server takes the address from X-Forwarded-For, as behind a proxy.
 */
export function readerIp(): string {
  ipCounter++;
  const n = (process.pid * 7919 + Date.now() + ipCounter * 104729) % 16_000_000;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

/** A browser context for one reader, with their own address. */
export function newReader(browser: Browser, options: { javaScriptEnabled?: boolean } = {}) {
  return browser.newContext({ ...options, extraHTTPHeaders: { 'x-forwarded-for': readerIp() } });
}

/** Waits until the comment form has been open as long as a person needs (the spam rule's 2 s). */
export async function waitLikeAReader(page: Page) {
  const shownAt = Number((await page.locator('input[name="shownAt"]').getAttribute('value'))?.split('.')[0]);
  const wait = shownAt + 2_100 - Date.now();
  if (wait > 0) await page.waitForTimeout(wait);
}

/** A mail caught by the suite's SMTP server (test/mail-catcher.ts). */
export type CaughtMail = { to: string[]; subject: string; text: string; html: string; messageId: string; headers: Record<string, string>; receivedAt: number };

const mailApi = `http://127.0.0.1:${Number(process.env.E2E_SMTP_PORT ?? 2525) + 1}`;

/** Every mail caught for this address so far. */
export async function mailTo(address: string): Promise<CaughtMail[]> {
  const response = await fetch(`${mailApi}/messages?to=${encodeURIComponent(address)}`);
  return (await response.json()) as CaughtMail[];
}

/** Waits (polling, no fixed sleep) for a mail to this address that matches, and returns it. */
export async function waitForMail(address: string, match: (mail: CaughtMail) => boolean = () => true, timeout = 30_000): Promise<CaughtMail> {
  let found: CaughtMail | undefined;
  await expect
    .poll(async () => (found = (await mailTo(address)).find(match)), { timeout, message: `a mail to ${address}` })
    .toBeTruthy();
  return found!;
}

/** The first link in a mail's text part that starts with this path on the blog. */
export function linkIn(mail: CaughtMail, pathStart: string): string {
  const url = mail.text.match(/https?:\/\/\S+/g)?.find((u) => new URL(u).pathname.startsWith(pathStart));
  expect(url, `a link to ${pathStart} in the mail`).toBeTruthy();
  const parsed = new URL(url!);
  return parsed.pathname + parsed.search;
}

/** An address no other spec or run uses. */
export function uniqueAddress(prefix: string): string {
  return `${unique(prefix).replace(/\s+/g, '-')}@example.net`.toLowerCase();
}
