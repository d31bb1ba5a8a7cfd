import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { ensureSignedIn, readerIp, unique, waitLikeAReader, writeBody } from './support';

/** Publishes a post as the admin, with the editor's Comments setting; returns its path and id. */
export async function postWithPolicy(page: Page, policy: string) {
  await ensureSignedIn(page);
  await page.goto('/admin/posts/new');
  await page.getByLabel('Title').fill(unique(`Comments ${policy}`));
  await writeBody(page, 'What do you think?');
  await page.getByLabel('Comments').selectOption(policy);
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByText('Your post is published.')).toBeVisible();
  const permalink = (await page.getByRole('link', { name: 'View post' }).getAttribute('href'))!;
  const id = Number(page.url().match(/posts\/(\d+)/)![1]);
  return { permalink, id };
}

/** The form's hidden fields, read once and aged past the 2-second rule, for posting by HTTP. */
export async function formFields(page: Page, permalink: string) {
  await page.goto(permalink);
  await waitLikeAReader(page);
  const value = (name: string) => page.locator(`input[name="${name}"]`).getAttribute('value');
  return { postId: (await value('postId'))!, shownAt: (await value('shownAt'))! };
}

export function key(): string {
  return `k${Date.now().toString(36)}${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`.slice(0, 40);
}

export async function postComment(
  api: APIRequestContext,
  form: { postId: string; shownAt: string },
  fields: { name: string; body: string; email?: string; website?: string; submissionKey?: string; parentId?: string },
  ip = readerIp(),
) {
  return api.post('/comments', {
    multipart: { ...form, email: '', website: '', submissionKey: key(), ...fields },
    headers: { accept: 'application/json', 'x-forwarded-for': ip },
    maxRedirects: 0,
  });
}
