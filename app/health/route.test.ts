import { rmSync, writeFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { closeDb } from '@/db/client';
import { databasePath } from '@/lib/site/config';
import { GET } from './route';

// Outside a request there is no request scope; connection() only marks the route dynamic.
vi.mock('next/server', async (importOriginal) => ({ ...(await importOriginal<object>()), connection: async () => {} }));

describe('GET /health', () => {
  it('answers 503 with a message a person can act on when the database cannot be read', async () => {
    // Not an SQLite file at all: opening it fails as a damaged or misplaced database would.
    writeFileSync(databasePath(), 'this is not a database'.repeat(100));
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const response = await GET();
    expect(response.status).toBe(503);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ status: 'error', message: expect.stringMatching(/database is not answering/) });
    expect(console.error).toHaveBeenCalledWith(expect.stringMatching(/^health: database check failed: .*not a database/));
  });

  it('answers 200 {status: "ok"} when the database answers', async () => {
    closeDb();
    rmSync(databasePath(), { force: true });
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ status: 'ok' });
  });
});
