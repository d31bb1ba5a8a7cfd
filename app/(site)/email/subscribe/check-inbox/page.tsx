import type { Metadata } from 'next';
import { EmailNotice } from '../../email-notice';

export const metadata: Metadata = { title: 'Check your inbox', robots: { index: false } };

export default function CheckInboxPage() {
  return (
    <EmailNotice title="Check your inbox">
      <p>If this address does not follow the blog yet, a mail with a confirmation link is on its way. Nothing is sent until you confirm.</p>
      <p className="text-base text-stone-600 dark:text-stone-400">It can take a few minutes; look in the spam folder too. The link works for two days.</p>
    </EmailNotice>
  );
}
