import { siteUrl, type Env } from '../site/config';

/**
 * Why a form post must be refused as sent from another site, or null when it may go on. Route
 * handlers get no check from Next (server actions do), so each mutating one asks this beside its
 * SameSite cookie: a browser names the page's origin in `Origin` (or at least says `Sec-Fetch-Site`);
 * a post from another site, or from a sandboxed frame or a local file (`Origin: null`), is refused.
 * Clients that are not browsers send neither header and carry no reader's cookies, so they pass.
 */
export function crossOriginRefusal(headers: Headers, env: Env = process.env): string | null {
  const origin = headers.get('origin');
  if (origin !== null) {
    if (origin === 'null') {
      return 'This form was sent from a page with no address (a sandboxed frame or a saved file). Open the blog itself and send it from there.';
    }
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      return 'This form was sent with an unreadable Origin header. Open the blog itself and send it from there.';
    }
    const own = new Set([headers.get('x-forwarded-host')?.split(',')[0]?.trim(), headers.get('host')?.trim(), siteUrl(env)?.host]);
    return own.has(host) ? null : 'This form was sent from another site. Open the blog itself and send it from there.';
  }
  const site = headers.get('sec-fetch-site');
  if (site === 'cross-site' || site === 'same-site') return 'This form was sent from another site. Open the blog itself and send it from there.';
  return null;
}
