'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { requireAuthor } from '@/auth';
import { listAllLabelNames } from '@/db/labels';
import { updateSettings } from '@/db/settings';
import { formValues, type FormState } from '@/lib/form-state';
import { readGadgetLayout, settingsInput, unknownLabelsMessage } from '@/lib/settings-input';

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
  'labelsShow',
  'labelsSelected',
  'labelsSort',
  'labelsDisplay',
  'labelsLimit',
  'popularRankBy',
  'popularPeriod',
  'popularCount',
];

export async function saveSettings(_prev: FormState, formData: FormData): Promise<FormState> {
  const author = await requireAuthor();
  if (author.role !== 'admin') return { message: 'Only an admin can change the blog settings.' };
  // An unticked box is not sent at all: say so, so a refused form keeps it unticked.
  const values = { ...formValues(formData, fields), labelsShowCounts: formData.get('labelsShowCounts') === 'on' ? 'on' : 'off' };
  const parsed = settingsInput.safeParse({ ...values, trustApprovedCommenters: formData.get('trustApprovedCommenters') ?? '' });
  const refused = (errors: Record<string, string[] | undefined>): FormState => ({
    errors,
    message: 'The settings were not saved. Please fix what is marked below.',
    values,
  });
  if (!parsed.success) return refused(z.flattenError(parsed.error).fieldErrors);
  const { labelsGadget } = parsed.data;
  if (labelsGadget.show === 'selected') {
    const known = new Set(await listAllLabelNames());
    const unknown = labelsGadget.selected.filter((name) => !known.has(name));
    if (unknown.length > 0) return refused({ labelsSelected: [unknownLabelsMessage(unknown)] });
  }
  await updateSettings({ ...parsed.data, gadgets: readGadgetLayout(formData) });
  revalidatePath('/', 'layout');
  redirect('/admin/settings?saved=1');
}
