import http from 'node:http';
import { cpuMs, processTree } from './processes';

/**
 * `count` items evenly spaced over `items` after the first `skipFirst` (the newest posts, which
 * the home page and the other runs already touch), so a crawl reaches every part of the archive.
 */
export function spreadOver<T>(items: readonly T[], count: number, { skipFirst = 0 }: { skipFirst?: number } = {}): T[] {
  const rest = items.slice(skipFirst);
  if (count <= 0 || rest.length === 0) return [];
  if (count >= rest.length) return rest;
  if (count === 1) return [rest[0]!];
  // From the first to the last item, so the oldest (or rarest) end is always reached.
  const step = (rest.length - 1) / (count - 1);
  return Array.from({ length: count }, (_, i) => rest[Math.round(i * step)]!);
}

/** Nearest-rank percentile; NaN for no values, so "nothing measured" never reads as 0 ms. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/**
 * `count` distinct search queries spread over `words` (the generator's vocabulary is ordered from
 * frequent to rare, so the spread covers large and small result sets), then pairs of words once
 * single ones run out. Each is new to the server, so none is answered from a cache.
 */
export function chooseSearchQueries(words: readonly string[], count: number, exclude: readonly string[] = []): string[] {
  const left = new Set(exclude);
  const pool = words.filter((w) => !left.has(w));
  const singles = spreadOver(pool, count);
  const queries = [...singles];
  for (let gap = 1; queries.length < count && gap < pool.length; gap++) {
    for (let i = 0; i + gap < pool.length && queries.length < count; i++) queries.push(`${pool[i]} ${pool[i + gap]}`);
  }
  return queries;
}

export type CrawlResult = {
  pages: number;
  concurrency: number;
  seconds: number;
  p50: number;
  p99: number;
  max: number;
  byStatus: Record<string, number>;
  /** What X-Cache said on each answer ("none" when absent): a crawl of misses should show no HIT. */
  byXCache: Record<string, number>;
  cpuMsPerPage: number;
};

function get(agent: http.Agent, url: string): Promise<{ status: number; xCache: string | null }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent, timeout: 60_000 }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, xCache: (res.headers['x-cache'] as string | undefined) ?? null }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('timed out after 60 s')));
    req.on('error', reject);
  });
}

/**
 * Each path requested once by `concurrency` clients on kept-alive connections, like a crawler,
 * timing each answer to its last byte. CPU is that of the whole process tree under `pid`
 * (every worker), divided by the pages.
 */
export async function crawl({ baseUrl, paths, concurrency, pid }: { baseUrl: string; paths: readonly string[]; concurrency: number; pid: number }): Promise<CrawlResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  const byStatus: Record<string, number> = {};
  const byXCache: Record<string, number> = {};
  const cpu = () => processTree(pid).reduce((a, p) => a + cpuMs(p), 0);
  let next = 0;
  const cpuBefore = cpu();
  const started = performance.now();
  async function client() {
    while (next < paths.length) {
      const path = paths[next++]!;
      const t = performance.now();
      try {
        const { status, xCache } = await get(agent, `${baseUrl}${path}`);
        latencies.push(performance.now() - t);
        byStatus[status] = (byStatus[status] ?? 0) + 1;
        byXCache[xCache ?? 'none'] = (byXCache[xCache ?? 'none'] ?? 0) + 1;
      } catch (error) {
        const name = (error as Error).message;
        byStatus[name] = (byStatus[name] ?? 0) + 1;
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, client));
  const seconds = (performance.now() - started) / 1000;
  const cpuUsed = cpu() - cpuBefore;
  agent.destroy();
  return {
    pages: paths.length,
    concurrency,
    seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: percentile(latencies, 100),
    byStatus,
    byXCache,
    cpuMsPerPage: latencies.length > 0 ? cpuUsed / latencies.length : Number.NaN,
  };
}

export type RawPage = { status: number; body: Buffer; contentType: string; xCache: string | null; nextCache: string | null };

/** One anonymous request with no Accept-Encoding, as wrk sends them: the exact bytes a load run gets. */
export function fetchRaw(url: string): Promise<RawPage> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { timeout: 60_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks),
          contentType: res.headers['content-type'] ?? 'application/octet-stream',
          xCache: (res.headers['x-cache'] as string | undefined) ?? null,
          nextCache: (res.headers['x-nextjs-cache'] as string | undefined) ?? null,
        }),
      );
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`${url} timed out after 60 s`)));
    req.on('error', reject);
  });
}
