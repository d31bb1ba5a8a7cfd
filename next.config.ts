import type { NextConfig } from 'next';
import { ACTION_BODY_LIMIT_BYTES, SECURITY_HEADERS } from './lib/http/security-policy';

const nextConfig: NextConfig = {
  // Native modules must be required at run time, never bundled.
  serverExternalPackages: ['better-sqlite3', '@node-rs/argon2'],
  poweredByHeader: false,
  // Cached reader pages (app/cache, lib/reading/page-cache.ts) are keyed by content version: each change
  // makes new entries and strands the old ones, so they live in a bounded in-memory LRU only and
  // are never written to .next on disk, which would grow without limit.
  cacheMaxMemorySize: 64 * 1024 * 1024,
  experimental: {
    isrFlushToDisk: false,
    // proxy.ts answers 413 above this before Next reads the body; Next's own check stays as a backstop.
    serverActions: { bodySizeLimit: ACTION_BODY_LIMIT_BYTES },
    // The proxy sees a copy of each body; a 10 MB image upload plus its multipart framing must
    // reach /api/media whole (the default, exactly 10 MB, would cut it short).
    proxyClientMaxBodySize: 11 * 1024 * 1024,
  },
  async headers() {
    return [
      // The Content-Security-Policy is set per response in proxy.ts: it carries a fresh nonce.
      { source: '/:path*', headers: SECURITY_HEADERS },
      // Admin pages hold drafts and settings: never kept by a browser or proxy cache.
      { source: '/admin', headers: [{ key: 'Cache-Control', value: 'no-store' }] },
      { source: '/admin/:path*', headers: [{ key: 'Cache-Control', value: 'no-store' }] },
    ];
  },
};

export default nextConfig;
