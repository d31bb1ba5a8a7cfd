import { postsFeed } from '../../../../responses';

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** Blogger's label feed, /feeds/posts/default/-/LABEL; more segments mean "all of these labels". */
export async function GET(request: Request, { params }: { params: Promise<{ labels: string[] }> }) {
  const labels = (await params).labels.map(decode);
  if (labels.some((l) => !l)) return new Response('No such label on this blog.', { status: 404 });
  return postsFeed(request, { labels: labels as string[] });
}
