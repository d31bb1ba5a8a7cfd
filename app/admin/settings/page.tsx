import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { requireAuthor } from '@/auth';
import { listAllLabelNames } from '@/db/labels';
import { getSettings } from '@/db/settings';
import { FormMessage } from '@/components/ui/form-message';
import { MailOutbox } from './mail-outbox';
import { SettingsForm } from './settings-form';

export const metadata: Metadata = { title: 'Settings' };

export default async function SettingsPage({ searchParams }: { searchParams: Promise<{ saved?: string; mail?: string }> }) {
  await connection();
  const author = await requireAuthor();
  if (author.role !== 'admin') notFound();
  const [settings, knownLabels, { saved, mail }] = await Promise.all([getSettings(), listAllLabelNames(), searchParams]);
  const labels = settings.labelsGadget;
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="mb-6 font-serif text-3xl font-semibold">Settings</h1>
      {saved ? (
        <div className="mb-6">
          <FormMessage id="settings-saved" tone="success" message="Settings saved." />
        </div>
      ) : null}
      {mail === 'test-queued' ? (
        <div className="mb-6">
          <FormMessage id="mail-queued" tone="success" message={`A test email to ${author.email} is in the outbox; see its status under Email below.`} />
        </div>
      ) : null}
      <SettingsForm
        initial={{
          blogTitle: settings.blogTitle,
          blogDescription: settings.blogDescription,
          postsPerPage: String(settings.postsPerPage),
          timezone: settings.timezone,
          commentModeration: settings.commentModeration,
          moderateAfterDays: String(settings.moderateAfterDays),
          trustApprovedCommenters: settings.trustApprovedCommenters,
          blockedWords: settings.blockedWords,
          notifyEmails: settings.notifyEmails,
          headerAdsHtml: settings.headerAdsHtml,
          gadgets: settings.gadgets,
          labelsShow: labels.show,
          labelsSelected: labels.selected.join(', '),
          labelsSort: labels.sort,
          labelsDisplay: labels.display,
          labelsShowCounts: labels.showCounts ? 'on' : 'off',
          labelsLimit: labels.limit === null ? '' : String(labels.limit),
          popularRankBy: settings.popularGadget.rankBy,
          popularPeriod: settings.popularGadget.period,
          popularCount: String(settings.popularGadget.count),
        }}
        timeZones={Intl.supportedValuesOf('timeZone')}
        knownLabels={knownLabels}
      />
      <MailOutbox timeZone={settings.timezone} adminEmail={author.email} />
    </div>
  );
}
