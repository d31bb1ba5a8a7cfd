import { describe, expect, it } from 'vitest';
import {
  dropMobileSwitch,
  pageSecurityHeaders,
  refuseBrokenEncoding,
  refuseLargeActionBody,
  runProxySteps,
  sendVisitorToLogin,
  type ProxyRequest,
} from './proxy-steps';

function request(target: string, { method = 'GET', headers = {}, cookies = [] }: { method?: string; headers?: Record<string, string>; cookies?: string[] } = {}): ProxyRequest {
  return { method, url: new URL(target, 'http://blog.test'), headers: new Headers(headers), cookieNames: cookies };
}

describe('refuseBrokenEncoding', () => {
  it('answers a path that cannot be decoded with a plain 400, and lets good ones through', () => {
    expect(refuseBrokenEncoding(request('/2024/05/bad%E0%A4.html'))).toEqual({
      kind: 'plain',
      status: 400,
      message: 'Bad request: this address has a broken %-encoded character.',
    });
    expect(refuseBrokenEncoding(request('/2024/05/caf%C3%A9.html'))).toBeNull();
  });
});

describe('refuseLargeActionBody', () => {
  it('refuses a server action over 2 MB with 413 and one without a length with 411, but not a comment post', () => {
    const big = { 'content-length': String(3 * 1024 * 1024), 'next-action': 'x' };
    expect(refuseLargeActionBody(request('/admin/posts/new', { method: 'POST', headers: big }))).toMatchObject({ kind: 'plain', status: 413 });
    expect(refuseLargeActionBody(request('/admin/posts/new', { method: 'POST', headers: { 'transfer-encoding': 'chunked' } }))).toMatchObject({ status: 411 });
    expect(refuseLargeActionBody(request('/comments', { method: 'POST', headers: { 'content-length': String(3 * 1024 * 1024) } }))).toBeNull();
    expect(refuseLargeActionBody(request('/admin/posts/new', { headers: big }))).toBeNull();
  });
});

describe('dropMobileSwitch', () => {
  it("sends Blogger's ?m=1 and ?m=0 for good to the same address without it, keeping the rest", () => {
    const answer = dropMobileSwitch(request('/2024/05/x.html?m=1&showComment=5'));
    expect(answer).toMatchObject({ kind: 'redirect', status: 301 });
    expect(answer?.kind === 'redirect' && answer.location.href).toBe('http://blog.test/2024/05/x.html?showComment=5');
    expect(dropMobileSwitch(request('/?m=0'))).toMatchObject({ status: 301 });
    expect(dropMobileSwitch(request('/search?q=m'))).toBeNull();
  });
});

describe('sendVisitorToLogin', () => {
  it('sends a visitor without a session cookie from /admin/… to /login, remembering where they were going', () => {
    const answer = sendVisitorToLogin(request('/admin/posts?status=draft'));
    expect(answer).toMatchObject({ kind: 'redirect', status: 307 });
    expect(answer?.kind === 'redirect' && answer.location.href).toBe('http://blog.test/login?callbackUrl=%2Fadmin%2Fposts%3Fstatus%3Ddraft');
  });

  it('lets through /admin itself (first-run setup), and anyone with a session cookie, plain or chunked, for the page to check', () => {
    expect(sendVisitorToLogin(request('/admin'))).toBeNull();
    expect(sendVisitorToLogin(request('/admin/posts', { cookies: ['authjs.session-token'] }))).toBeNull();
    expect(sendVisitorToLogin(request('/admin/posts', { cookies: ['__Secure-authjs.session-token.0'] }))).toBeNull();
    expect(sendVisitorToLogin(request('/admin/posts', { cookies: ['held'] }))).not.toBeNull();
  });
});

describe('runProxySteps', () => {
  it('answers with the first step that has something to say, in order', () => {
    // Broken encoding is answered before the ?m=1 redirect would be.
    expect(runProxySteps(request('/admin/bad%E0?m=1'))).toMatchObject({ status: 400 });
    expect(runProxySteps(request('/admin/posts?m=1'))).toMatchObject({ status: 301 });
    expect(runProxySteps(request('/2024/05/x.html'))).toBeNull();
  });
});

describe('pageSecurityHeaders', () => {
  it('gives Next the nonce and the policy, and the reader the policy, with HSTS only over https', () => {
    const plain = pageSecurityHeaders('n0nce', { development: false, https: false });
    expect(plain.request['x-nonce']).toBe('n0nce');
    expect(plain.request['content-security-policy']).toContain("'nonce-n0nce'");
    expect(plain.response['Content-Security-Policy']).toBe(plain.request['content-security-policy']);
    expect(plain.response['Strict-Transport-Security']).toBeUndefined();
    const secure = pageSecurityHeaders('n0nce', { development: false, https: true });
    expect(secure.response['Strict-Transport-Security']).toBe('max-age=31536000; includeSubDomains');
    expect(pageSecurityHeaders('n', { development: true, https: false }).request['content-security-policy']).toContain("'unsafe-eval'");
  });
});
