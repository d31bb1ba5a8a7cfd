import { postsFeed } from '@/app/feeds/responses';
import { cachedOrigin } from '../../../key';

// The blog's Atom feed as feed readers poll it (no query), kept like the reader pages (app/cache/[key]/layout.tsx).
export const dynamic = 'force-static';

export function generateStaticParams(): { key: string }[] {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ key: string }> }) {
  const origin = await cachedOrigin(params);
  return postsFeed({ url: `${origin}/feeds/posts/default`, origin });
}
