import { NextResponse, type NextFetchEvent, type NextRequest } from 'next/server';
import NextAuth from 'next-auth';
import { authConfig } from './auth.config';
import { getAuthSecret } from './lib/auth-secret';

const { auth } = NextAuth(() => ({ ...authConfig, secret: getAuthSecret() }));
const adminRedirect = auth as unknown as (request: NextRequest, event: NextFetchEvent) => Promise<Response>;

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
 * would answer 500), send Blogger's ?m=1 links to the canonical URL, and send visitors
 * without a session from /admin/… to /login (the `authorized` callback). The redirect is only a convenience: every admin page and action
 * checks the session again next to the data, and /admin itself stays open for first-run setup.
 */
export default async function proxy(request: NextRequest, event: NextFetchEvent) {
  const { pathname } = request.nextUrl;
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
  if (pathname.startsWith('/admin/')) return adminRedirect(request, event);
  return NextResponse.next();
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
