import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // Native modules must be required at run time, never bundled.
  serverExternalPackages: ['better-sqlite3', '@node-rs/argon2'],
  poweredByHeader: false,
};

export default nextConfig;
