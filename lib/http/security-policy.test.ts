import { describe, expect, it } from 'vitest';
import { ACTION_BODY_LIMIT_BYTES, checkActionBody, contentSecurityPolicy, createNonce } from './security-policy';

describe('contentSecurityPolicy', () => {
  it('allows only scripts with the nonce (and what they load), never inline handlers or eval', () => {
    const policy = contentSecurityPolicy('abc123==');
    expect(policy).toContain("script-src 'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'self'");
  });

  it("adds 'unsafe-eval' in development only", () => {
    expect(contentSecurityPolicy('n', { development: true })).toContain("'unsafe-eval'");
  });
});

describe('createNonce', () => {
  it('is 128 random bits, different every time', () => {
    const nonces = new Set(Array.from({ length: 1000 }, createNonce));
    expect(nonces.size).toBe(1000);
    for (const nonce of nonces) expect(Buffer.from(nonce, 'base64')).toHaveLength(16);
  });
});

describe('checkActionBody', () => {
  const post = (pathname: string, headers: Record<string, string>) => checkActionBody({ method: 'POST', pathname, headers: new Headers(headers) });

  it('refuses an oversized server action with 413, with or without JavaScript', () => {
    const big = String(ACTION_BODY_LIMIT_BYTES + 1);
    expect(post('/admin/posts/new', { 'content-length': big, 'next-action': 'abc' })?.status).toBe(413);
    expect(post('/admin/settings', { 'content-length': big })?.status).toBe(413);
    expect(post('/admin/settings', { 'content-length': String(ACTION_BODY_LIMIT_BYTES) })).toBeNull();
  });

  it('asks for a length when a chunked or garbled body hides it', () => {
    expect(post('/admin/settings', { 'transfer-encoding': 'chunked' })?.status).toBe(411);
    expect(post('/admin/settings', { 'content-length': '12abc' })?.status).toBe(411);
  });

  it('leaves route handlers with their own limits, and GETs, alone', () => {
    const big = String(ACTION_BODY_LIMIT_BYTES * 4);
    for (const path of ['/api/media', '/comments', '/login/submit', '/admin/import/blogger']) {
      expect(post(path, { 'content-length': big }), path).toBeNull();
    }
    expect(post('/commentsx', { 'content-length': big })?.status).toBe(413);
    expect(checkActionBody({ method: 'GET', pathname: '/', headers: new Headers({ 'content-length': big }) })).toBeNull();
  });
});
