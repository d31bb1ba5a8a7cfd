import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listBenchPostPermalinks } from '@/db/bench';
import { BENCH_GENERATOR_VERSION, seedBenchBlog } from './blog';

describe('listBenchPostPermalinks', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'blogstead-bench-db-'));
  const file = path.join(dir, 'tiny.db');
  beforeAll(async () => {
    await seedBenchBlog({ file, shape: { posts: 40, comments: 40, labels: 5, years: 1, generator: BENCH_GENERATOR_VERSION } });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lists every published post newest first, and no static page', () => {
    const listed = listBenchPostPermalinks(file);
    const sqlite = new Database(file, { readonly: true });
    const rows = sqlite.prepare(`select permalink, published_at as at from posts where type = 'post'`).all() as { permalink: string; at: number }[];
    sqlite.close();
    expect(listed).toHaveLength(40);
    expect(listed).not.toContain('/p/about.html');
    const at = new Map(rows.map((r) => [r.permalink, r.at]));
    const times = listed.map((p) => at.get(p)!);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(times[0]).toBeGreaterThan(times.at(-1)!);
  });
});
