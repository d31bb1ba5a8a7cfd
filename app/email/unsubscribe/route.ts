import { stopReplyNoticesByEmail } from '@/db/comments';
import { unsubscribeFollower } from '@/db/followers';
import { getAuthSecret } from '@/lib/accounts/auth-secret';
import { readMailLink } from '@/lib/mail/tokens';

/**
 * One-click unsubscribe (RFC 8058): a mail program POSTs `List-Unsubscribe=One-Click` to the
 * address in the List-Unsubscribe header, with no cookies and no Origin, so the signed token is the
 * only proof needed. The unsubscribe page's button posts here too and is shown the page again.
 */
export async function POST(request: Request) {
  const url = new URL(request.url);
  let token = url.searchParams.get('token') ?? '';
  let fromPage = false;
  try {
    const form = await request.formData();
    const value = form.get('token');
    if (typeof value === 'string' && value) token = value;
    fromPage = form.get('from') === 'page';
  } catch {
    // a mail program may send no body at all; the token is in the address
  }
  const secret = getAuthSecret();
  const unfollow = readMailLink(token, 'unfollow', secret);
  const replies = readMailLink(token, 'replies', secret);
  let done = false;
  if (unfollow.ok) {
    done = (await unsubscribeFollower({ id: unfollow.link.followerId, email: unfollow.link.email })) !== 'missing';
  } else if (replies.ok) {
    await stopReplyNoticesByEmail(replies.link.email);
    done = true;
  }
  if (fromPage) return new Response(null, { status: 303, headers: { location: `/email/unsubscribe/${encodeURIComponent(token || '-')}` } });
  return new Response(done ? 'Unsubscribed.\n' : 'This unsubscribe link does not work.\n', {
    status: done ? 200 : 400,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  });
}
