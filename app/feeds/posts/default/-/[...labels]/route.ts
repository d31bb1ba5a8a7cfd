import { combineLabels, MAX_COMBINED_LABELS } from '@/lib/reading/label-filter';
import { postsFeed } from '../../../../responses';

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/**
 * Blogger's label feed, /feeds/posts/default/-/LABEL; more segments mean "all of these labels",
 * each counted once. Past MAX_COMBINED_LABELS it is refused: a feed reader shows no note, and a
 * feed of fewer labels than asked for would quietly hold posts the subscriber did not want.
 */
export async function GET(request: Request, { params }: { params: Promise<{ labels: string[] }> }) {
  const decoded = (await params).labels.map(decode);
  if (decoded.some((l) => !l)) return new Response('No such label on this blog.', { status: 404 });
  const { labels, dropped } = combineLabels(decoded as string[]);
  if (dropped.length > 0) {
    return new Response(`A feed can combine at most ${MAX_COMBINED_LABELS} labels.`, {
      status: 400,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  }
  return postsFeed(request, { labels });
}
