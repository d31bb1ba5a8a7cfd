import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import proxy from './proxy';

const run = (target: string, init: { method?: string; headers?: Record<string, string> } = {}) =>
  proxy(new NextRequest(new URL(target, 'http://blog.test'), init));

describe('proxy.ts puts the steps together', () => {
  it('answers a step as plain text with a policy, or as a redirect', async () => {
    const refused = run('/x%E0');
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(refused.headers.get('content-security-policy')).toMatch(/'nonce-[^']+'/);
    expect(await refused.text()).toContain('broken %-encoded');

    const mobile = run('/p/about.html?m=1');
    expect(mobile.status).toBe(301);
    expect(mobile.headers.get('location')).toBe('http://blog.test/p/about.html');
    expect(run('/admin/comments').headers.get('location')).toBe('http://blog.test/login?callbackUrl=%2Fadmin%2Fcomments');
  });

  it('lets a page through with a fresh nonce for Next, the same policy on the response, and HSTS over https only', () => {
    const first = run('/', { headers: { 'x-nonce': 'chosen-by-client' } });
    const policy = first.headers.get('content-security-policy')!;
    const nonce = /'nonce-([^']+)'/.exec(policy)![1];
    expect(nonce).not.toBe('chosen-by-client');
    expect(first.headers.get('x-middleware-request-x-nonce')).toBe(nonce);
    expect(first.headers.get('strict-transport-security')).toBeNull();
    expect(run('/').headers.get('content-security-policy')).not.toBe(policy);
    expect(run('/', { headers: { 'x-forwarded-proto': 'https' } }).headers.get('strict-transport-security')).toContain('max-age=31536000');
  });
});
