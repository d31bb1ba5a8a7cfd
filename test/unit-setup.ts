import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

// Every test file gets its own throwaway database folder; nothing touches data/.
const dir = mkdtempSync(path.join(tmpdir(), 'blogstead-unit-'));
process.env.DATABASE_URL = path.join(dir, 'blog.db');
delete process.env.AUTH_SECRET;

afterAll(async () => {
  const { closeDb } = await import('@/db/client');
  closeDb();
  rmSync(dir, { recursive: true, force: true });
});
