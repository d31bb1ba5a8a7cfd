import { NextResponse, type NextRequest } from 'next/server';

// Auth.js's session cookie, plain over http and __Secure- over https; large ones are chunked (.0, .1 …).
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

function hasBrokenEncoding(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

/**
 * Three jobs, all before routing: answer a URL with broken %-encoding with a clear 400 (Next
 * would answer 500), send Blogger's ?m=1 links to the canonical URL, and send visitors with no
 * session cookie from /admin/… to /login. The last is only a convenience: it never decodes or
 * refreshes the session (a refreshed cookie racing a sign-out could sign the author back in);
 * every admin page and action checks the session itself next to the data, and /admin stays
 * open for first-run setup.
 */
export default function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (hasBrokenEncoding(pathname)) {
    return new NextResponse('Bad request: this address has a broken %-encoded character.', {
      status: 400,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  }
  // Blogger's mobile switch (?m=1 / ?m=0): one responsive site here, so back to the canonical URL.
  if (request.nextUrl.searchParams.has('m')) {
    const canonical = request.nextUrl.clone();
    canonical.searchParams.delete('m');
    return NextResponse.redirect(canonical, 301);
  }
  if (pathname.startsWith('/admin/') && !request.cookies.getAll().some((c) => SESSION_COOKIE.test(c.name))) {
    const login = new URL('/login', request.url);
    login.searchParams.set('callbackUrl', pathname + search);
    return NextResponse.redirect(login);
  }
  const response = NextResponse.next();
  // HSTS only when the reader really arrived over https (as the reverse proxy reports it).
  if (request.headers.get('x-forwarded-proto') === 'https') {
    response.headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  }
  return response;
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
