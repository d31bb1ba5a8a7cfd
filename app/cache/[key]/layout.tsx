import type { Metadata } from 'next';
import { cachedOrigin } from './key';
import { SiteFrame, siteMetadata } from '@/components/site-frame';

/*
 * Reader pages that are the same for every reader, rendered once per key and kept in Next's
 * route cache. proxy.ts rewrites /2024/05/post.html to /cache/<key>/2024/05/post.html when the
 * request qualifies (lib/page-cache.ts says when, and what the key holds); a request for /cache
 * itself is refused there. Nothing is rendered at build: no key exists until a reader asks.
 */
export const dynamic = 'force-static';

export function generateStaticParams(): { key: string }[] {
  return [];
}

type Params = Promise<{ key: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return siteMetadata(await cachedOrigin(params));
}

export default async function CachedSiteLayout({ children, params }: { children: React.ReactNode; params: Params }) {
  await cachedOrigin(params);
  return <SiteFrame>{children}</SiteFrame>;
}
