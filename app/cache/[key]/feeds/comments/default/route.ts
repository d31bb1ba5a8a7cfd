import { commentsFeed } from '@/app/feeds/responses';
import { cachedOrigin } from '../../../key';

// The blog's comment feed as feed readers poll it (no query), kept like the reader pages.
export const dynamic = 'force-static';

export function generateStaticParams(): { key: string }[] {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ key: string }> }) {
  const origin = await cachedOrigin(params);
  return commentsFeed({ url: `${origin}/feeds/comments/default`, origin });
}
