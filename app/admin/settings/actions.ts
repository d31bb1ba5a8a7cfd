'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { requireAuthor } from '@/auth';
import { listAllLabelNames } from '@/db/labels';
import { MAIL_PRIORITY, queueMail } from '@/db/mail-outbox';
import { getSettings, updateSettings } from '@/db/settings';
import { formValues } from '@/lib/http/form-state';
import { mailSetup } from '@/lib/mail/config';
import { testMail } from '@/lib/mail/templates';
import { siteUrl } from '@/lib/site/config';
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

/** Queues a test mail to the admin; the Email section then shows whether the SMTP server took it. */
export async function sendTestEmail(): Promise<void> {
  const author = await requireAuthor();
  if (author.role !== 'admin') redirect('/admin');
  const settings = await getSettings();
  const setup = mailSetup();
  // Without SITE_URL nothing is sent anyway; the mail still says where it came from.
  const origin = setup.ready ? setup.settings.origin : (siteUrl()?.origin ?? 'this blog');
  const mail = testMail({ blog: { title: settings.blogTitle, origin }, sentBy: author.name });
  await queueMail({
    kind: 'test',
    toAddress: author.email,
    priority: MAIL_PRIORITY.urgent,
    subject: mail.subject,
    textBody: mail.text,
    htmlBody: mail.html,
  });
  redirect('/admin/settings?mail=test-queued#email-heading');
}
