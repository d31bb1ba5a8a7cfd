import { confirmFollower } from '@/db/followers';
import { getAuthSecret } from '@/lib/accounts/auth-secret';
import { readMailLink } from '@/lib/mail/tokens';

/**
 * The confirmation page's button: confirms, then shows the page again, which now says so. No
 * Origin check: the page keeps its token out of Referer headers (no-referrer), so browsers send
 * `Origin: null` from it; the signed token is the proof, and another site cannot have it.
 */
export async function POST(request: Request) {
  let token = '';
  try {
    const value = (await request.formData()).get('token');
    token = typeof value === 'string' ? value : '';
  } catch {
    // an unreadable form is a link that does not work; the page says so
  }
  const check = readMailLink(token, 'confirm', getAuthSecret());
  if (check.ok) await confirmFollower({ id: check.link.followerId, email: check.link.email });
  return new Response(null, { status: 303, headers: { location: `/email/confirm/${encodeURIComponent(token || '-')}` } });
}
