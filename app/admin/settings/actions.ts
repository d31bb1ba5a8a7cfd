'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { requireAuthor } from '@/auth';
import { updateSettings } from '@/db/settings';
import { formValues, type FormState } from '@/lib/form-state';
import { readGadgetLayout, settingsInput } from '@/lib/settings-input';

const fields = [
  'blogTitle',
  'blogDescription',
  'postsPerPage',
  'timezone',
  'headerAdsHtml',
  'commentModeration',
  'moderateAfterDays',
  'blockedWords',
  'notifyEmails',
];

export async function saveSettings(_prev: FormState, formData: FormData): Promise<FormState> {
  const author = await requireAuthor();
  if (author.role !== 'admin') return { message: 'Only an admin can change the blog settings.' };
  const values = formValues(formData, fields);
  const parsed = settingsInput.safeParse({ ...values, trustApprovedCommenters: formData.get('trustApprovedCommenters') ?? '' });
  if (!parsed.success) {
    return { errors: z.flattenError(parsed.error).fieldErrors, message: 'The settings were not saved. Please fix what is marked below.', values };
  }
  await updateSettings({ ...parsed.data, gadgets: readGadgetLayout(formData) });
  revalidatePath('/', 'layout');
  redirect('/admin/settings?saved=1');
}
