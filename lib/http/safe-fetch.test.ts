import { afterEach, describe, expect, it } from 'vitest';
import { startImageServer, type ImageServer } from '@/test/image-server';
import { addressRefusal, parseAllowedHosts, safeGet } from './safe-fetch';

/*
 * The address table is checked as a pure function: nothing here connects anywhere but
 * 127.0.0.1. The fetches below only ever name loopback (127.x, localhost, ::1 and its
 * IPv4-mapped form), so even a broken filter could only reach the test server.
 */

describe('addressRefusal', () => {
  const cases: [string, string | null][] = [
    // IPv4
    ['127.0.0.1', 'loopback address'],
    ['127.255.255.254', 'loopback address'],
    ['10.0.0.1', 'private address'],
    ['10.255.255.255', 'private address'],
    ['172.16.0.1', 'private address'],
    ['172.31.255.255', 'private address'],
    ['192.168.0.1', 'private address'],
    ['169.254.169.254', 'link-local address'],
    ['169.254.0.1', 'link-local address'],
    ['100.64.0.1', 'carrier-grade NAT address'],
    ['100.127.255.255', 'carrier-grade NAT address'],
    ['224.0.0.1', 'multicast address'],
    ['239.255.255.250', 'multicast address'],
    ['255.255.255.255', 'broadcast address'],
    ['0.0.0.0', 'unspecified address'],
    ['0.1.2.3', 'unspecified address'],
    ['192.0.0.8', 'reserved address'],
    ['192.0.2.1', 'reserved address'],
    ['198.51.100.7', 'reserved address'],
    ['203.0.113.9', 'reserved address'],
    ['198.18.0.1', 'reserved address'],
    ['198.19.255.255', 'reserved address'],
    ['192.88.99.1', 'reserved address'],
    ['240.0.0.1', 'reserved address'],
    ['192.31.196.1', 'reserved address'],
    ['192.52.193.1', 'reserved address'],
    ['192.175.48.1', 'reserved address'],
    // Public IPv4, including the neighbours of the ranges above
    ['8.8.8.8', null],
    ['1.1.1.1', null],
    ['93.184.215.14', null],
    ['172.15.255.255', null],
    ['172.32.0.0', null],
    ['100.63.255.255', null],
    ['100.128.0.0', null],
    ['11.0.0.1', null],
    ['192.169.0.1', null],
    ['169.253.255.255', null],
    ['223.255.255.255', null],
    // IPv6
    ['::1', 'loopback address'],
    ['::', 'unspecified address'],
    ['fe80::1', 'link-local address'],
    ['febf:ffff::1', 'link-local address'],
    ['fec0::1', 'site-local address'],
    ['fc00::1', 'unique-local address'],
    ['fd12:3456:789a::1', 'unique-local address'],
    ['ff02::1', 'multicast address'],
    ['ff0e::1', 'multicast address'],
    ['2001:db8::1', 'reserved address'],
    ['3fff::1', 'reserved address'],
    ['2001:2::1', 'reserved address'],
    ['100::1', 'reserved address'],
    ['5f00::1', 'reserved address'],
    ['2001:10::1', 'reserved address'],
    ['2001:20::1', 'reserved address'],
    ['4000::1', 'reserved address'],
    ['64:ff9b:1::a00:1', 'reserved address'],
    // IPv4 inside IPv6: the inner address decides
    ['::ffff:127.0.0.1', 'loopback address'],
    ['::ffff:7f00:1', 'loopback address'],
    ['::ffff:10.0.0.1', 'private address'],
    ['::ffff:169.254.169.254', 'link-local address'],
    ['::ffff:0:127.0.0.1', 'loopback address'],
    ['::127.0.0.1', 'loopback address'],
    ['::192.168.1.1', 'private address'],
    ['::0.0.0.2', 'unspecified address'],
    // …and as the URL parser and DNS spell them, which ipaddr.js does not rewrite to the mapped form
    ['::7f00:1', 'loopback address'],
    ['::a00:1', 'private address'],
    ['::a9fe:a9fe', 'link-local address'],
    ['::ffff:0:a00:1', 'private address'],
    ['64:ff9b::7f00:1', 'loopback address'],
    ['::808:808', null],
    ['64:ff9b::127.0.0.1', 'loopback address'],
    ['64:ff9b::10.1.2.3', 'private address'],
    ['64:ff9b::169.254.169.254', 'link-local address'],
    ['2002:7f00:1::1', 'loopback address'],
    ['2002:c0a8:101::1', 'private address'],
    ['2002:a9fe:a9fe:1::1', 'link-local address'],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'Teredo tunnel address'],
    ['2001::1', 'Teredo tunnel address'],
    ['::ffff:8.8.8.8', null],
    ['64:ff9b::8.8.8.8', null],
    ['2002:808:808::1', null],
    // Public IPv6
    ['2001:4860:4860::8888', null],
    ['2606:4700:4700::1111', null],
    ['2a00:1450:4001:82b::200e', null],
    // Not an address at all
    ['localhost', 'not an IP address'],
    ['', 'not an IP address'],
  ];
  it.each(cases)('%s → %s', (address, reason) => {
    expect(addressRefusal(address)).toBe(reason);
  });
});

describe('parseAllowedHosts', () => {
  it('reads names and IP literals, with or without a port, in the URL parser’s spelling', () => {
    const allowed = parseAllowedHosts(' 127.0.0.1, NAS.lan:8080 ,[::1]:3000, ::ffff:127.0.0.1, 127.1, ,images.example.');
    expect(allowed).toEqual([
      { host: '127.0.0.1' },
      { host: 'nas.lan', port: 8080 },
      { host: '[::1]', port: 3000 },
      { host: '[::ffff:7f00:1]' },
      { host: '127.0.0.1' },
      { host: 'images.example' },
    ]);
  });

  it('leaves out what is not a host, so a typo allows nothing', () => {
    expect(parseAllowedHosts('http://127.0.0.1/, *, 10.0.0.0/8, a b, host:99999, user@host')).toEqual([]);
    expect(parseAllowedHosts(undefined)).toEqual([]);
  });
});

describe('safeGet against a server on 127.0.0.1', () => {
  let host: ImageServer;
  const servers: ImageServer[] = [];
  const start = async (options?: { delayMs?: number }) => {
    const server = await startImageServer(options);
    servers.push(server);
    return server;
  };
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });

  const refusal = (url: string, options: Partial<Parameters<typeof safeGet>[1]> = {}) =>
    safeGet(url, { maxBytes: 1024 * 1024, ...options }).then(
      () => 'fetched',
      (error: Error) => error.message,
    );

  it('refuses every spelling of a loopback literal before connecting', async () => {
    host = await start();
    const p = host.port;
    for (const url of [`http://127.0.0.1:${p}/img/a.png`, `http://127.1:${p}/img/a.png`, `http://2130706433:${p}/img/a.png`, `http://0x7f.0.0.1:${p}/img/a.png`, `http://[::ffff:127.0.0.1]:${p}/img/a.png`, `http://[::1]:${p}/img/a.png`]) {
      expect(await refusal(url), url).toBe('refused: loopback address');
    }
    expect(host.requests).toEqual([]);
  });

  it('refuses a name that resolves to loopback at connect time', async () => {
    host = await start();
    expect(await refusal(`http://localhost:${host.port}/img/a.png`)).toBe('refused: loopback address');
    expect(host.requests).toEqual([]);
  });

  it('refuses what is not http or https, and addresses that carry credentials', async () => {
    expect(await refusal('file:///etc/passwd')).toBe('refused: not an http or https address');
    expect(await refusal('ftp://127.0.0.1/x.png')).toBe('refused: not an http or https address');
    expect(await refusal('not a url')).toBe('refused: not an http or https address');
    expect(await refusal('http://user:secret@127.0.0.1/x.png', { allowHosts: parseAllowedHosts('127.0.0.1') })).toBe('refused: address with a user name or password');
  });

  it('fetches from a host the setting allows, by name and port as written', async () => {
    host = await start();
    const got = await safeGet(`${host.origin}/img/a.png`, { maxBytes: 1024 * 1024, allowHosts: parseAllowedHosts('127.0.0.1') });
    expect(got.body.equals(host.png)).toBe(true);
    expect(got.contentType).toBe('image/png');
    const byPort = parseAllowedHosts(`127.0.0.1:${host.port}`);
    expect((await safeGet(`${host.origin}/img/b.png`, { maxBytes: 1024 * 1024, allowHosts: byPort })).body.length).toBe(host.png.length);
    expect(await refusal(`http://127.0.0.1:${host.port + 1}/img/c.png`, { allowHosts: byPort })).toBe('refused: loopback address');
    expect(host.requests).toEqual(['/img/a.png', '/img/b.png']);
  });

  it('checks each redirect hop again: another name, another port, another scheme', async () => {
    host = await start();
    const other = await start();
    const allowHosts = parseAllowedHosts(`127.0.0.1:${host.port}`);
    const via = (to: string) => `${host.origin}/redirect?to=${encodeURIComponent(to)}`;
    expect(await refusal(via(`http://localhost:${host.port}/img/a.png`), { allowHosts })).toBe('refused: loopback address');
    expect(await refusal(via(`${other.origin}/img/a.png`), { allowHosts })).toBe('refused: loopback address');
    expect(await refusal(via('file:///etc/passwd'), { allowHosts })).toBe('refused: not an http or https address');
    expect(other.requests).toEqual([]);
    expect(host.requests.filter((r) => r.startsWith('/img/'))).toEqual([]);
    // An allowed hop is followed, relative locations included.
    const got = await safeGet(via('/img/a.png'), { maxBytes: 1024 * 1024, allowHosts });
    expect(got.url).toBe(`${host.origin}/img/a.png`);
  });

  it('follows at most five redirects', async () => {
    host = await start();
    const allowHosts = parseAllowedHosts('127.0.0.1');
    let url = `${host.origin}/img/end.png`;
    for (let i = 0; i < 5; i++) url = `${host.origin}/redirect?to=${encodeURIComponent(url)}`;
    expect((await safeGet(url, { maxBytes: 1024 * 1024, allowHosts })).body.length).toBe(host.png.length);
    host.requests.length = 0;
    url = `${host.origin}/redirect?to=${encodeURIComponent(url)}`;
    expect(await refusal(url, { allowHosts })).toBe('refused: more than 5 redirects');
    expect(host.requests).toHaveLength(6);
  });

  it('stops reading at the size limit and at the time limit', async () => {
    host = await start({ delayMs: 2_000 });
    const allowHosts = parseAllowedHosts('127.0.0.1');
    expect(await refusal(`${host.origin}/huge`, { allowHosts, maxBytes: 256 * 1024 })).toBe('it is larger than 256 KB');
    const started = Date.now();
    expect(await refusal(`${host.origin}/img/slow.png`, { allowHosts, signal: AbortSignal.timeout(200) })).toMatch(/aborted|timed out/i);
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('counts every byte it reads, so a caller can stop a whole import', async () => {
    host = await start();
    let seen = 0;
    await safeGet(`${host.origin}/img/a.png`, { maxBytes: 1024 * 1024, allowHosts: parseAllowedHosts('127.0.0.1'), onData: (n) => (seen += n) });
    expect(seen).toBe(host.png.length);
  });
});
