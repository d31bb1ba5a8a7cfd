import { NextResponse, type NextRequest } from 'next/server';
import { isVisibleAddress } from '@/db/posts';
import { readerCacheState } from '@/db/reader-cache';
import { CACHE_ROOT, SESSION_COOKIE, addressedPost, cacheKey, cachedPath, isCacheableRead, pagingPart } from '@/lib/page-cache';
import { requestOrigin } from '@/lib/request-origin';
import { cachedPageSecurityPolicy, checkActionBody, contentSecurityPolicy, createNonce } from '@/lib/security-policy';

function hasBrokenEncoding(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

/**
 * Jobs done before routing: a fresh CSP nonce for every page rendered live; a clear 400 for a URL with
 * broken %-encoding and a 413 for an oversized server action (Next would answer 500 to both);
 * Blogger's ?m=1 links sent to the canonical URL; a read that is the same for every reader
 * sent to Next's route cache (lib/page-cache.ts); visitors with no session cookie sent from
 * /admin/… to /login. The last is only a convenience: it never decodes or
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
  // The cached copies of the reader routes are reached only through the rewrite below.
  if (pathname === CACHE_ROOT || pathname.startsWith(`${CACHE_ROOT}/`)) return plain(404, 'Not found.');
  const cookieNames = request.cookies.getAll().map((c) => c.name);
  if (isCacheableRead({ method: request.method, pathname, queryNames: [...request.nextUrl.searchParams.keys()], cookieNames })) {
    const cached = cachedRead(request);
    if (cached) return cached;
  }
  if (pathname.startsWith('/admin/') && !cookieNames.some((name) => SESSION_COOKIE.test(name))) {
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

/**
 * Rewrites a read to its cached copy under /cache/<key>; null (render live) if the origin is
 * unusable or the address names no visible post (see addressedPost).
 */
function cachedRead(request: NextRequest): NextResponse | null {
  let origin: string;
  try {
    origin = new URL(requestOrigin(request.headers)).origin;
  } catch {
    return null;
  }
  let state: { version: number; dueAt: number };
  try {
    const post = addressedPost(request.nextUrl.pathname);
    if (post && !isVisibleAddress(post.permalink, post.type)) return null;
    state = readerCacheState();
  } catch (error) {
    // A database too busy to answer within its timeout: the live page waits or fails on its own.
    console.warn(`page cache: ${(error as Error).message}`);
    return null;
  }
  const { searchParams } = request.nextUrl;
  const path = cachedPath(request.nextUrl.pathname, cacheKey({ ...state, origin, paging: pagingPart(searchParams) }), searchParams.get('q'));
  if (!path) return null;
  const target = request.nextUrl.clone();
  target.pathname = path;
  const response = NextResponse.rewrite(target);
  return withPolicy(request, response, cachedPageSecurityPolicy());
}

export const config = {
  // /api/import streams uploads of hundreds of MB: a proxy would buffer (and cut) the body at 10 MB.
  matcher: ['/((?!_next/static|_next/image|favicon.ico|api/import).*)'],
};
