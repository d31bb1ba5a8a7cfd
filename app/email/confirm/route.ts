import { confirmFollower } from '@/db/followers';
import { getAuthSecret } from '@/lib/auth-secret';
import { readMailLink } from '@/lib/mail/tokens';
import { refusalPage } from '@/lib/refusal-page';
import { crossOriginRefusal } from '@/lib/same-origin';

/** The confirmation page's button: confirms, then shows the page again, which now says so. */
export async function POST(request: Request) {
  const refusal = crossOriginRefusal(request.headers);
  if (refusal) return refusalPage({ status: 403, title: 'Not confirmed', message: refusal, back: { href: '/', label: 'Back to the blog' } });
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
