/**
 * The steps proxy.ts runs before routing, in order, each a pure function of the request: the
 * first to answer ends the pipeline; when none does, the page is rendered with a fresh nonce
 * (`pageSecurityHeaders`). None needs the database.
 */

import { SESSION_COOKIE } from '../reading/page-cache';
import { checkActionBody, contentSecurityPolicy } from './security-policy';

export type ProxyRequest = {
  method: string;
  url: URL;
  headers: Headers;
  cookieNames: string[];
};

export type ProxyAnswer =
  | { kind: 'plain'; status: number; message: string }
  | { kind: 'redirect'; status: 301 | 307; location: URL };

export type ProxyStep = (request: ProxyRequest) => ProxyAnswer | null;

/** Next would answer 500 to a path it cannot decode: a plain 400 says what is wrong. */
export const refuseBrokenEncoding: ProxyStep = ({ url }) => {
  try {
    decodeURIComponent(url.pathname);
    return null;
  } catch {
    return { kind: 'plain', status: 400, message: 'Bad request: this address has a broken %-encoded character.' };
  }
};

/** An oversized server action is refused before Next reads it (it would answer 500). */
export const refuseLargeActionBody: ProxyStep = ({ method, url, headers }) => {
  const refusal = checkActionBody({ method, pathname: url.pathname, headers });
  return refusal ? { kind: 'plain', ...refusal } : null;
};

/** Blogger's mobile switch (?m=1 / ?m=0): one responsive site here, so back to the canonical URL for good. */
export const dropMobileSwitch: ProxyStep = ({ url }) => {
  if (!url.searchParams.has('m')) return null;
  const canonical = new URL(url);
  canonical.searchParams.delete('m');
  return { kind: 'redirect', status: 301, location: canonical };
};

/**
 * A visitor with no session cookie is sent from /admin/… to /login. Only a convenience: it never
 * decodes or refreshes the session (a refreshed cookie racing a sign-out could sign the author
 * back in); every admin page and action checks the session itself next to the data, and /admin
 * stays open for first-run setup.
 */
export const sendVisitorToLogin: ProxyStep = ({ url, cookieNames }) => {
  if (!url.pathname.startsWith('/admin/') || cookieNames.some((name) => SESSION_COOKIE.test(name))) return null;
  const login = new URL('/login', url);
  login.searchParams.set('callbackUrl', url.pathname + url.search);
  return { kind: 'redirect', status: 307, location: login };
};

export const PROXY_STEPS: ProxyStep[] = [refuseBrokenEncoding, refuseLargeActionBody, dropMobileSwitch, sendVisitorToLogin];

/** The first step's answer, or null when the request goes on to be rendered. */
export function runProxySteps(request: ProxyRequest, steps: ProxyStep[] = PROXY_STEPS): ProxyAnswer | null {
  for (const step of steps) {
    const answer = step(request);
    if (answer) return answer;
  }
  return null;
}

/**
 * The headers a rendered page gets for its nonce: Next reads the nonce from the request's policy
 * and puts it on its own scripts, the root layout reads x-nonce for its theme script (both replace
 * anything the client sent); the response carries the policy, and HSTS only when the reader
 * really arrived over https (as the trusted reverse proxy reports it).
 */
export function pageSecurityHeaders(
  nonce: string,
  { development, https }: { development: boolean; https: boolean },
): { request: Record<string, string>; response: Record<string, string> } {
  const policy = contentSecurityPolicy(nonce, { development });
  const response: Record<string, string> = { 'Content-Security-Policy': policy };
  if (https) response['Strict-Transport-Security'] = 'max-age=31536000; includeSubDomains';
  return { request: { 'x-nonce': nonce, 'content-security-policy': policy }, response };
}
