'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { listAllLabelNames } from '@/db/labels';
import { updateSettings } from '@/db/settings';
import { formValues } from '@/lib/http/form-state';
import { readGadgetLayout, settingsInput, unknownLabelsMessage } from '@/lib/site/settings-input';
import { authorFormAction } from '@/server/form-action';

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

const REFUSED = 'The settings were not saved. Please fix what is marked below.';

export const saveSettings = authorFormAction(
  {
    schema: settingsInput,
    // An unticked box is not sent at all: say so, so a refused form keeps it unticked.
    values: (formData) => ({ ...formValues(formData, fields), labelsShowCounts: formData.get('labelsShowCounts') === 'on' ? 'on' : 'off' }),
    input: (values, formData) => ({ ...values, trustApprovedCommenters: formData.get('trustApprovedCommenters') ?? '' }),
    refused: REFUSED,
    adminOnly: 'Only an admin can change the blog settings.',
  },
  async (input, { values, formData }) => {
    const { labelsGadget } = input;
    if (labelsGadget.show === 'selected') {
      const known = new Set(await listAllLabelNames());
      const unknown = labelsGadget.selected.filter((name) => !known.has(name));
      if (unknown.length > 0) return { errors: { labelsSelected: [unknownLabelsMessage(unknown)] }, message: REFUSED, values };
    }
    await updateSettings({ ...input, gadgets: readGadgetLayout(formData) });
    revalidatePath('/', 'layout');
    redirect('/admin/settings?saved=1');
  },
);
