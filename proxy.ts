import { NextResponse, type NextRequest } from 'next/server';
import { SESSION_COOKIE } from '@/lib/page-cache';
import { checkActionBody, contentSecurityPolicy, createNonce } from '@/lib/security-policy';

function hasBrokenEncoding(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

/**
 * Jobs done before routing: a fresh CSP nonce for every page rendered (a page kept by the page
 * cache in front of Next, server/front.ts, keeps the nonce it was rendered with, and its header);
 * a clear 400 for a URL with broken %-encoding and a 413 for an oversized server action (Next would
 * answer 500 to both); Blogger's ?m=1 links sent to the canonical URL; visitors with no session
 * cookie sent from /admin/… to /login. The last is only a convenience: it never decodes or
 * refreshes the session (a refreshed cookie racing a sign-out could sign the author back in);
 * every admin page and action checks the session itself next to the data, and /admin stays
 * open for first-run setup.
 */
export default function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const livePolicy = (nonce: string) => contentSecurityPolicy(nonce, { development: process.env.NODE_ENV === 'development' });
  const plain = (status: number, message: string) =>
    new NextResponse(message, {
      status,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'content-security-policy': livePolicy(createNonce()) },
    });
  if (hasBrokenEncoding(pathname)) return plain(400, 'Bad request: this address has a broken %-encoded character.');
  const tooLarge = checkActionBody({ method: request.method, pathname, headers: request.headers });
  if (tooLarge) return plain(tooLarge.status, tooLarge.message);
  // Blogger's mobile switch (?m=1 / ?m=0): one responsive site here, so back to the canonical URL.
  if (request.nextUrl.searchParams.has('m')) {
    const canonical = request.nextUrl.clone();
    canonical.searchParams.delete('m');
    return NextResponse.redirect(canonical, 301);
  }
  if (pathname.startsWith('/admin/') && !request.cookies.getAll().some(({ name }) => SESSION_COOKIE.test(name))) {
    const login = new URL('/login', request.url);
    login.searchParams.set('callbackUrl', pathname + search);
    return NextResponse.redirect(login);
  }
  // Next reads the nonce from the request's policy and puts it on its own scripts; the root
  // layout reads x-nonce for its theme script. Both replace anything the client sent.
  const nonce = createNonce();
  const policy = livePolicy(nonce);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', policy);
  return withPolicy(request, NextResponse.next({ request: { headers: requestHeaders } }), policy);
}

function withPolicy(request: NextRequest, response: NextResponse, policy: string): NextResponse {
  response.headers.set('Content-Security-Policy', policy);
  // HSTS only when the reader really arrived over https (as the reverse proxy reports it).
  if (request.headers.get('x-forwarded-proto') === 'https') {
    response.headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  }
  return response;
}

export const config = {
  // /api/import streams uploads of hundreds of MB: a proxy would buffer (and cut) the body at 10 MB.
  matcher: ['/((?!_next/static|_next/image|favicon.ico|api/import).*)'],
};
