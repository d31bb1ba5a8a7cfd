import type { Metadata } from 'next';
import { connection } from 'next/server';
import { getFollowerById, wantsReplyNotices } from '@/db/mail-outbox';
import { getSettings } from '@/db/settings';
import { getAuthSecret } from '@/lib/accounts/auth-secret';
import { readMailLink } from '@/lib/mail/tokens';
import { EmailNotice } from '../../email-notice';

export const metadata: Metadata = { title: 'Unsubscribe', robots: { index: false }, referrer: 'no-referrer' };

/**
 * An unsubscribe link from a mail: no sign-in, the signed link is the proof. Opening it shows one
 * button (so a mail scanner following links unsubscribes nobody); mail programs use the one-click
 * POST in the List-Unsubscribe header instead.
 */
export default async function UnsubscribePage({ params }: { params: Promise<{ token: string }> }) {
  await connection();
  const token = decodeURIComponent((await params).token);
  const secret = getAuthSecret();
  const settings = await getSettings();
  const unfollow = readMailLink(token, 'unfollow', secret);
  const replies = readMailLink(token, 'replies', secret);
  const button = (label: string) => (
    <form action="/email/unsubscribe" method="post">
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="from" value="page" />
      <button type="submit" className="btn-primary">
        {label}
      </button>
    </form>
  );
  if (unfollow.ok) {
    const follower = await getFollowerById(unfollow.link.followerId);
    if (follower && follower.email === unfollow.link.email) {
      return follower.status === 'unsubscribed' ? (
        <EmailNotice title="You are unsubscribed">
          <p>
            No more posts of {settings.blogTitle} will be sent to <strong>{follower.email}</strong>.
          </p>
        </EmailNotice>
      ) : (
        <EmailNotice title={`Stop following ${settings.blogTitle}?`}>
          <p>
            New posts will no longer be sent to <strong>{follower.email}</strong>.
          </p>
          {button('Unsubscribe')}
        </EmailNotice>
      );
    }
  }
  if (replies.ok) {
    return (await wantsReplyNotices(replies.link.email)) ? (
      <EmailNotice title="Stop reply notices?">
        <p>
          Replies to your comments on {settings.blogTitle} will no longer be mailed to <strong>{replies.link.email}</strong>.
        </p>
        {button('Stop reply notices')}
      </EmailNotice>
    ) : (
      <EmailNotice title="No more reply notices">
        <p>
          Replies to your comments will not be mailed to <strong>{replies.link.email}</strong>. Tick “Email me replies” on a new
          comment to get them again.
        </p>
      </EmailNotice>
    );
  }
  return (
    <EmailNotice title="This unsubscribe link does not work">
      <p>It may have been copied incompletely: open it from the mail again. Every mail from this blog has its own link.</p>
    </EmailNotice>
  );
}
