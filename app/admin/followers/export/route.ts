import { getCurrentAuthor } from '@/auth';
import { listFollowers } from '@/db/followers';

const csvField = (value: string) => (/[",\n\r]/.test(value) || /^[=+\-@\t]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
const when = (date: Date | null) => (date ? date.toISOString() : '');

/** Every follower as CSV (admins only): what is kept about each, nothing more. */
export async function GET() {
  const author = await getCurrentAuthor();
  if (!author) return new Response('Please sign in.\n', { status: 401 });
  if (author.role !== 'admin') return new Response('Only an admin can export followers.\n', { status: 403 });
  const rows = (await listFollowers()).map((f) =>
    [f.email, f.status, when(f.createdAt), when(f.confirmedAt), when(f.unsubscribedAt)].map(csvField).join(','),
  );
  const body = ['email,status,subscribed_at,confirmed_at,unsubscribed_at', ...rows].join('\r\n') + '\r\n';
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="followers.csv"',
      'cache-control': 'no-store',
    },
  });
}
