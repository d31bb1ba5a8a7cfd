import { getCurrentAuthor } from '@/auth';
import { listDailyCounts } from '@/db/stats';
import { dailyCountsCsv } from '@/lib/stats/stats-report';

/** The Stats page's daily counts as CSV: every day for admins, an author's own posts' views for them. */
export async function GET(): Promise<Response> {
  const author = await getCurrentAuthor();
  if (!author) return new Response('Sign in to download the stats.', { status: 401, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  const rows = await listDailyCounts({ authorId: author.role === 'admin' ? null : author.id });
  return new Response(dailyCountsCsv(rows), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="blog-stats-daily.csv"',
      'cache-control': 'no-store',
    },
  });
}
