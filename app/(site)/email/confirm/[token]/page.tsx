import type { Metadata } from 'next';
import { connection } from 'next/server';
import { getFollowerById } from '@/db/mail-outbox';
import { getSettings } from '@/db/settings';
import { getAuthSecret } from '@/lib/accounts/auth-secret';
import { readMailLink } from '@/lib/mail/tokens';
import { EmailNotice } from '../../email-notice';

// The token is in the address: keep it out of Referer headers and search engines.
export const metadata: Metadata = { title: 'Confirm your subscription', robots: { index: false }, referrer: 'no-referrer' };

/**
 * A follow confirmation link. Opening it only shows a button (mail scanners open links too); the
 * button confirms. Forged, expired and spent links each get their own plain answer.
 */
export default async function ConfirmFollowPage({ params }: { params: Promise<{ token: string }> }) {
  await connection();
  const { token } = await params;
  const [settings, check] = await Promise.all([getSettings(), readMailLink(decodeURIComponent(token), 'confirm', getAuthSecret())]);
  if (!check.ok && check.reason === 'expired') {
    return (
      <EmailNotice title="This confirmation link has expired">
        <p>Confirmation links work for two days. Type your address into “Follow by Email” on the blog again for a new one.</p>
      </EmailNotice>
    );
  }
  const follower = check.ok ? await getFollowerById(check.link.followerId) : undefined;
  if (!check.ok || !follower || follower.email !== check.link.email) {
    return (
      <EmailNotice title="This link does not work">
        <p>It may have been copied incompletely. Open it from the mail again, or type your address into “Follow by Email” on the blog.</p>
      </EmailNotice>
    );
  }
  if (follower.status === 'confirmed') {
    return (
      <EmailNotice title={`You follow ${settings.blogTitle}`}>
        <p>
          Each new post will arrive at <strong>{follower.email}</strong>. Every mail has a link to unsubscribe.
        </p>
      </EmailNotice>
    );
  }
  if (follower.status === 'unsubscribed') {
    return (
      <EmailNotice title="You have unsubscribed since">
        <p>This address unsubscribed after this link was sent. To follow again, type it into “Follow by Email” on the blog.</p>
      </EmailNotice>
    );
  }
  return (
    <EmailNotice title={`Follow ${settings.blogTitle} by email`}>
      <p>
        Confirm that <strong>{follower.email}</strong> should get each new post by email.
      </p>
      <form action="/email/confirm" method="post">
        <input type="hidden" name="token" value={decodeURIComponent(token)} />
        <button type="submit" className="btn-primary">
          Confirm my subscription
        </button>
      </form>
    </EmailNotice>
  );
}
