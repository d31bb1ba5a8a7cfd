import { NextResponse, type NextRequest } from 'next/server';
import { pageSecurityHeaders, runProxySteps, type ProxyAnswer } from '@/lib/http/proxy-steps';
import { contentSecurityPolicy, createNonce } from '@/lib/http/security-policy';

const development = process.env.NODE_ENV === 'development';

/**
 * Before routing: the steps of lib/http/proxy-steps.ts (broken %-encoding → 400, oversized server
 * action → 411/413, ?m=1 → 301, /admin/… without a session cookie → /login); then every page
 * rendered gets a fresh CSP nonce. A page kept by the page cache in front of Next
 * (server/front.ts) keeps the nonce it was rendered with, and its header.
 */
export default function proxy(request: NextRequest) {
  const answer = runProxySteps({
    method: request.method,
    url: new URL(request.url),
    headers: request.headers,
    cookieNames: request.cookies.getAll().map(({ name }) => name),
  });
  if (answer) return respond(answer);
  const headers = pageSecurityHeaders(createNonce(), { development, https: request.headers.get('x-forwarded-proto') === 'https' });
  const requestHeaders = new Headers(request.headers);
  for (const [name, value] of Object.entries(headers.request)) requestHeaders.set(name, value);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers.response)) response.headers.set(name, value);
  return response;
}

function respond(answer: ProxyAnswer): NextResponse {
  if (answer.kind === 'redirect') return NextResponse.redirect(answer.location, answer.status);
  return new NextResponse(answer.message, {
    status: answer.status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'content-security-policy': contentSecurityPolicy(createNonce(), { development }) },
  });
}

export const config = {
  // /api/import streams uploads of hundreds of MB: a proxy would buffer (and cut) the body at 10 MB.
  matcher: ['/((?!_next/static|_next/image|favicon.ico|api/import).*)'],
};
