'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { requireAuthor } from '@/auth';
import { createPasswordResetToken } from '@/db/password-reset-tokens';
import {
  createAuthor,
  deleteAuthorById,
  disableAuthorById,
  enableAuthorById,
  getAuthorByEmail,
  getAuthorById,
} from '@/db/authors';
import type { Author } from '@/db/schema';
import { authorId, newAuthorInput } from '@/lib/accounts/author-input';
import { hashPassword } from '@/lib/accounts/password';
import { newResetToken, RESET_LINK_LIFETIME_MS } from '@/lib/accounts/reset-token';
import { authorFormAction } from '@/server/form-action';
import { getSiteOrigin } from '@/server/site-origin';

/** An admin adds someone who can sign in and write; they change the password on their Profile. */
export const addAuthorAction = authorFormAction(
  {
    schema: newAuthorInput,
    values: ['name', 'email', 'role'],
    input: (values, formData) => ({ ...values, password: formData.get('password') }),
    refused: 'Nobody was added. Please fix what is marked below.',
    adminOnly: 'Only an admin can add authors.',
  },
  async (input, { values }) => {
    if (await getAuthorByEmail(input.email)) {
      return { errors: { email: ['Someone with this email is already an author here.'] }, values };
    }
    await createAuthor({ name: input.name, email: input.email, role: input.role, passwordHash: await hashPassword(input.password) });
    revalidatePath('/admin/authors');
    redirect('/admin/authors?added=1');
  },
);

/** The session's author if an admin; anyone else goes back to their own posts. */
async function requireAdmin(): Promise<Author> {
  const author = await requireAuthor();
  if (author.role !== 'admin') redirect('/admin');
  return author;
}

function idFrom(formData: FormData, name: string): number | null {
  const parsed = authorId.safeParse(formData.get(name));
  return parsed.success ? parsed.data : null;
}

/** The author a disable, enable or delete form names, other than the admin acting. */
async function targetOf(formData: FormData, { notSelf }: { notSelf: boolean }): Promise<number> {
  const admin = await requireAdmin();
  const id = idFrom(formData, 'id');
  if (id === null) redirect('/admin/authors?notice=missing');
  // Another admin can do it; nobody locks themselves out by a slip of the mouse.
  if (notSelf && id === admin.id) redirect('/admin/authors?notice=self');
  return id;
}

/** Stops an author signing in and ends their sessions now; their posts stay published. */
export async function disableAuthorAction(formData: FormData): Promise<void> {
  const id = await targetOf(formData, { notSelf: true });
  const result = await disableAuthorById({ id });
  if (result.kind !== 'done') redirect(`/admin/authors?notice=${result.kind}`);
  revalidatePath('/admin/authors');
  redirect('/admin/authors?notice=disabled');
}

export async function enableAuthorAction(formData: FormData): Promise<void> {
  const id = await targetOf(formData, { notSelf: false });
  const result = await enableAuthorById({ id });
  if (result.kind !== 'done') redirect(`/admin/authors?notice=${result.kind}`);
  revalidatePath('/admin/authors');
  redirect('/admin/authors?notice=enabled');
}

/** Deletes an author after the confirmation page, giving everything they own to the chosen author. */
export async function deleteAuthorAction(formData: FormData): Promise<void> {
  const id = await targetOf(formData, { notSelf: true });
  const heirId = idFrom(formData, 'heirId');
  const result = heirId === null ? ({ kind: 'no-heir' } as const) : await deleteAuthorById({ id, heirId });
  if (result.kind === 'no-heir') redirect(`/admin/authors/${id}/delete?error=heir`);
  if (result.kind !== 'deleted') redirect(`/admin/authors?notice=${result.kind}`);
  revalidatePath('/', 'layout');
  redirect('/admin/authors?notice=deleted');
}

export type PasswordLinkState = { message?: string; link?: string };

/**
 * A one-time link for an author to set their password (imported authors get their first one this
 * way). The link is returned once, to this screen; only its hash is stored.
 */
export async function createPasswordLinkAction(_prev: PasswordLinkState, formData: FormData): Promise<PasswordLinkState> {
  const admin = await requireAuthor();
  if (admin.role !== 'admin') return { message: 'Only an admin can make password links.' };
  const id = idFrom(formData, 'id');
  const author = id === null ? undefined : await getAuthorById(id);
  if (!author) return { message: 'That author could not be found. They may have been deleted; go back to Authors.' };
  if (author.disabledAt) return { message: `${author.name} is disabled. Enable them on the Authors page first.` };
  const { token, tokenHash } = newResetToken();
  await createPasswordResetToken({ authorId: author.id, tokenHash, expiresAt: new Date(Date.now() + RESET_LINK_LIFETIME_MS) });
  return { link: `${await getSiteOrigin()}/reset-password/${token}` };
}
