import type { MetadataRoute } from 'next';
import { connection } from 'next/server';
import { getSiteOrigin } from '@/server/site-origin';

export default async function robots(): Promise<MetadataRoute.Robots> {
  await connection();
  const origin = await getSiteOrigin();
  return {
    rules: [{ userAgent: '*', allow: '/', disallow: ['/admin', '/login', '/api/', '/search?'] }],
    sitemap: `${origin}/sitemap.xml`,
  };
}
