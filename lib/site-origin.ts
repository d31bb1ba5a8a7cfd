import 'server-only';
import { headers } from 'next/headers';
import { siteUrl } from './config';

/**
 * The blog's public origin for absolute links: SITE_URL when set, else the host and scheme
 * the reader used (as a reverse proxy reports them).
 */
export async function getSiteOrigin(): Promise<string> {
  const configured = siteUrl();
  if (configured) return configured.origin;
  const h = await headers();
  const host = h.get('x-forwarded-host')?.split(',')[0]?.trim() || h.get('host') || 'localhost';
  const proto = h.get('x-forwarded-proto')?.split(',')[0]?.trim() || 'http';
  return `${proto === 'https' ? 'https' : 'http'}://${host}`;
}
