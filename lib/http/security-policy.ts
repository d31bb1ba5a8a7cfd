/**
 * The Content-Security-Policy every page is sent with, cached pages included (a cached page is
 * sent with the nonce it was rendered with, and a new render makes a new one). Scripts run only when they carry this
 * response's nonce (Next.js adds it to its own scripts; the root layout to its theme script) or
 * are loaded by such a script ('strict-dynamic'); an injected <script>, event handler or
 * javascript: URL has no nonce and never runs. Styles and images stay open: post bodies link
 * images from anywhere, and styles cannot run code.
 */
export function contentSecurityPolicy(nonce: string, { development = false } = {}): string {
  // React rebuilds server error stacks with eval in development only.
  return policy(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`);
}

function policy(scriptSrc: string): string {
  return [
    scriptSrc,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * Headers every response carries: set by next.config.ts for Next's answers, and by the front
 * server (server.ts) for the comment posts it answers itself, so the two lists cannot differ.
 * The Content-Security-Policy is not here: it is made per response (a fresh nonce).
 */
export const SECURITY_HEADERS: { key: string; value: string }[] = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
];

/** 128 random bits, base64: unguessable and fresh for every response. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Server action bodies above this are refused with 413 before Next reads them (Next itself would
 * answer 500). Post and page bodies are HTML whose images are uploads, so 2 MB is far above any
 * real post; uploads go to /api/media with their own 10 MB limit.
 */
export const ACTION_BODY_LIMIT_BYTES = 2 * 1024 * 1024;

// POST routes that are route handlers with their own limits, not server actions.
const routeHandlerPosts = ['/api', '/comments', '/login/submit', '/admin/import'];

/** Decides whether a POST is a server action whose size must be checked, and how it fares. */
export function checkActionBody({
  method,
  pathname,
  headers,
}: {
  method: string;
  pathname: string;
  headers: Headers;
}): { status: 411 | 413; message: string } | null {
  if (method !== 'POST') return null;
  const isRouteHandler = routeHandlerPosts.some((root) => pathname === root || pathname.startsWith(`${root}/`));
  if (isRouteHandler && !headers.has('next-action')) return null;
  const length = headers.get('content-length');
  if (length === null) {
    if (headers.get('transfer-encoding') === null) return null;
    return { status: 411, message: 'Length required: send the form with a Content-Length.' };
  }
  if (!/^\d+$/.test(length)) return { status: 411, message: 'Length required: the Content-Length is not a number.' };
  if (Number(length) > ACTION_BODY_LIMIT_BYTES) {
    return { status: 413, message: 'That form is too large to send (the limit is 2 MB). Upload images separately and try again.' };
  }
  return null;
}
