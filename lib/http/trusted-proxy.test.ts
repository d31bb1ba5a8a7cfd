import type { IncomingHttpHeaders } from 'node:http';
import { describe, expect, it } from 'vitest';
import { ProxySettingError, applyProxyTrust, proxyTrust } from './trusted-proxy';

function request(socket: string, headers: IncomingHttpHeaders) {
  return { headers: { ...headers }, socket: { remoteAddress: socket } };
}

const spoofed = {
  'x-forwarded-for': '10.9.9.9, 192.0.2.77',
  'x-forwarded-host': 'evil.example',
  'x-forwarded-proto': 'https',
  'x-forwarded-port': '443',
  forwarded: 'for=192.0.2.1;proto=https',
  'x-real-ip': '192.0.2.2',
};

describe('applyProxyTrust', () => {
  it('exposed directly, the socket is the client and forwarding headers are thrown away', () => {
    const req = request('203.0.113.5', spoofed);
    expect(applyProxyTrust(req, proxyTrust({}))).toBe('203.0.113.5');
    expect(req.headers['x-forwarded-for']).toBe('203.0.113.5');
    for (const name of ['x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'forwarded', 'x-real-ip']) {
      expect(req.headers[name]).toBeUndefined();
    }
  });

  it('a client cannot rotate its address by rotating X-Forwarded-For', () => {
    const seen = new Set(
      ['1.1.1.1', '2.2.2.2', '3.3.3.3'].map((ip) => applyProxyTrust(request('::ffff:198.51.100.7', { 'x-forwarded-for': ip }), proxyTrust({}))),
    );
    expect([...seen]).toEqual(['198.51.100.7']);
  });

  it('behind one trusted hop, the address that proxy appended is the client, and its scheme and host are kept', () => {
    const req = request('127.0.0.1', { ...spoofed });
    expect(applyProxyTrust(req, proxyTrust({ TRUST_PROXY: '1' }))).toBe('192.0.2.77');
    expect(req.headers['x-forwarded-proto']).toBe('https');
    expect(req.headers['x-forwarded-host']).toBe('evil.example');
  });

  it('with a list, only those addresses are believed; a hop outside it is the client', () => {
    const trust = proxyTrust({ TRUST_PROXY: 'loopback, 10.0.0.0/8' });
    expect(applyProxyTrust(request('127.0.0.1', { 'x-forwarded-for': '192.0.2.1, 203.0.113.9, 10.1.2.3' }), trust)).toBe('203.0.113.9');
    // The same headers from a socket that is not a listed proxy are the client's own words.
    const direct = request('203.0.113.50', { 'x-forwarded-for': '10.1.2.3', 'x-forwarded-proto': 'https' });
    expect(applyProxyTrust(direct, trust)).toBe('203.0.113.50');
    expect(direct.headers['x-forwarded-proto']).toBeUndefined();
  });

  it('a trusted proxy that sends no X-Forwarded-For leaves the socket as the client', () => {
    expect(applyProxyTrust(request('127.0.0.1', {}), proxyTrust({ TRUST_PROXY: 'loopback' }))).toBe('127.0.0.1');
  });
});

describe('proxyTrust', () => {
  it('refuses settings that would trust every client or cannot be read', () => {
    expect(() => proxyTrust({ TRUST_PROXY: 'true' })).toThrow(ProxySettingError);
    expect(() => proxyTrust({ TRUST_PROXY: 'nginx.local' })).toThrow(/TRUST_PROXY=nginx.local/);
    expect(() => proxyTrust({ TRUST_PROXY: '99' })).toThrow(/32 hops/);
  });

  it('treats unset, false and 0 as "no proxy"', () => {
    for (const value of [undefined, '', 'false', '0']) expect(proxyTrust({ TRUST_PROXY: value })('127.0.0.1', 0)).toBe(false);
  });
});
