import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      '@/': root,
      // Unit tests run db/ and lib/ modules directly; the marker only matters to the Next bundler.
      'server-only': fileURLToPath(new URL('./node_modules/server-only/empty.js', import.meta.url)),
    },
  },
  test: {
    environment: 'node',
    include: ['**/*.test.ts', '**/*.test.tsx'],
    exclude: ['node_modules/**', 'e2e/**', '.next/**'],
    setupFiles: ['./test/unit-setup.ts'],
    pool: 'forks',
    // Each file has its own database folder (test/unit-setup.ts), so files can run side by side:
    // one per core, where Vitest's default keeps one core free (a single fork on a 2-core machine).
    maxWorkers: availableParallelism(),
  },
});
