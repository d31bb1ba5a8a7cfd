import { buildSync } from 'esbuild';

/**
 * Bundles server.ts (what `npm start` runs) into dist/server.js after `next build`. Packages stay
 * required from node_modules, as Next's own server requires them; the project's modules are
 * bundled, so server.ts can use the `@/` paths and db/ modules like the rest of the code.
 */
buildSync({
  entryPoints: ['server.ts'],
  outfile: 'dist/server.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  // Next's bundler gives server-only modules to the server; here everything is server code.
  alias: { 'server-only': './node_modules/server-only/empty.js' },
  logLevel: 'warning',
});
