import { siteUrl } from '../site/config';

/**
 * The blog's public origin for absolute links: SITE_URL when set, else the host and scheme the
 * reader used (as a reverse proxy reports them).
 */
export function requestOrigin(headers: Pick<Headers, 'get'>): string {
  const configured = siteUrl();
  if (configured) return configured.origin;
  const host = headers.get('x-forwarded-host')?.split(',')[0]?.trim() || headers.get('host') || 'localhost';
  const proto = headers.get('x-forwarded-proto')?.split(',')[0]?.trim() || 'http';
  return `${proto === 'https' ? 'https' : 'http'}://${host}`;
}
