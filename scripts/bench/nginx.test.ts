import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nginxConfig, startNginx } from './nginx';
import { findBinary } from './tools';

const pages = [
  { location: '/pages/0', file: '/tmp/bench-x/pages/0', contentType: 'text/html; charset=utf-8' },
  { location: '/pages/1', file: '/tmp/bench-x/pages/1', contentType: 'application/atom+xml; charset=utf-8' },
];

describe('nginxConfig', () => {
  const conf = nginxConfig({ prefix: '/tmp/bench-x', port: 3402, workers: 'auto', pages });

  it('runs in the foreground with its pid and logs in the temporary folder', () => {
    expect(conf).toMatch(/^daemon off;$/m);
    expect(conf).toMatch(/^pid \/tmp\/bench-x\/nginx\.pid;$/m);
    expect(conf).toMatch(/^error_log \/tmp\/bench-x\/error\.log/m);
    expect(conf).toMatch(/access_log off;/);
    expect(conf).not.toMatch(/\/var\/|\/etc\/nginx/);
  });

  it('listens on loopback only, with the given number of workers', () => {
    expect(conf).toMatch(/listen 127\.0\.0\.1:3402;/);
    expect(conf).toMatch(/^worker_processes auto;$/m);
    expect(nginxConfig({ prefix: '/tmp/bench-x', port: 1, workers: 2, pages })).toMatch(/^worker_processes 2;$/m);
  });

  it('serves each page at its own exact address with the content type the app sent', () => {
    expect(conf).toContain('location = /pages/1 {');
    expect(conf).toContain('default_type "application/atom+xml; charset=utf-8";');
    expect(conf).toContain('alias /tmp/bench-x/pages/1;');
  });

  it('refuses values that would break out of the config', () => {
    expect(() => nginxConfig({ prefix: '/tmp/a b', port: 1, workers: 1, pages })).toThrow();
    expect(() => nginxConfig({ prefix: '/tmp/x', port: 1, workers: 1, pages: [{ ...pages[0]!, contentType: 'text/html"; }' }] })).toThrow();
  });
});

const nginx = findBinary('nginx');
describe.skipIf(!nginx)('startNginx (skipped: nginx not installed; npm run bench installs it)', () => {
  it('answers with exactly the bytes and content type it was given, and stops with its folder gone', async () => {
    const body = Buffer.from(`<!DOCTYPE html><p>Grüße ${'x'.repeat(300_000)}</p>`);
    const server = await startNginx({
      port: 3499,
      workers: 1,
      pages: [{ location: '/pages/0', body, contentType: 'text/html; charset=utf-8' }],
    });
    try {
      const res = await fetch(`${server.url}/pages/0`, { headers: { 'accept-encoding': 'identity' } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(Buffer.from(await res.arrayBuffer()).equals(body)).toBe(true);
      expect((await fetch(`${server.url}/elsewhere`)).status).toBe(404);
    } finally {
      await server.stop();
    }
    await expect(fetch(`${server.url}/pages/0`)).rejects.toThrow();
    expect(existsSync(server.prefix)).toBe(false);
  });
});
