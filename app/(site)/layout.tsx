import type { Metadata } from 'next';
import { connection } from 'next/server';
import { getSiteOrigin } from '@/server/site-origin';
import { SiteFrame, siteMetadata } from '@/components/site-frame';

export async function generateMetadata(): Promise<Metadata> {
  await connection();
  return siteMetadata(await getSiteOrigin());
}

/** Reader pages rendered per request: paged listings, search, signed-in authors (see lib/reading/page-cache.ts). */
export default async function SiteLayout({ children }: { children: React.ReactNode }) {
  await connection();
  return <SiteFrame>{children}</SiteFrame>;
}
