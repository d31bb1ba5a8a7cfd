import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import autocannon from 'autocannon';

export type LoadResult = { tool: 'wrk' | 'autocannon'; requests: number; seconds: number; rps: number; p50: number; p99: number; errors: number };

const run = promisify(execFile);

/** wrk when installed (it is faster than any Node load generator), else autocannon. */
export const loadTool: 'wrk' | 'autocannon' = (() => {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
    return 'wrk';
  } catch (error) {
    // `wrk --version` exits with 1 after printing its version; only a missing binary means "not installed".
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'autocannon' : 'wrk';
  }
})();

function wrkMs(value: string): number {
  const m = /^([\d.]+)(us|ms|s|m)$/.exec(value.trim());
  if (!m) return Number.NaN;
  const n = Number(m[1]);
  return m[2] === 'us' ? n / 1000 : m[2] === 'ms' ? n : m[2] === 's' ? n * 1000 : n * 60_000;
}

async function withWrk(url: string, connections: number, seconds: number): Promise<LoadResult> {
  const threads = Math.min(connections, 2);
  const { stdout } = await run('wrk', ['-t', String(threads), '-c', String(connections), '-d', `${seconds}s`, '--latency', url], {
    maxBuffer: 1 << 20,
  });
  const percentile = (p: string) => wrkMs(new RegExp(`^\\s+${p}%\\s+(\\S+)`, 'm').exec(stdout)?.[1] ?? '');
  const requests = Number(/(\d+) requests in ([\d.]+)(\w+)/.exec(stdout)?.[1] ?? 0);
  const took = wrkMs(/\d+ requests in ([\d.]+\w+)/.exec(stdout)?.[1] ?? `${seconds}s`) / 1000;
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(stdout)?.[1] ?? 0);
  const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(stdout);
  const errors = non2xx + (socketErrors ? socketErrors.slice(1).reduce((a, b) => a + Number(b), 0) : 0);
  return { tool: 'wrk', requests, seconds: took, rps: requests / took, p50: percentile('50'), p99: percentile('99'), errors };
}

async function withAutocannon(url: string, connections: number, seconds: number): Promise<LoadResult> {
  const result = await autocannon({ url, connections, duration: seconds, timeout: 30 });
  const took = (result.finish.getTime() - result.start.getTime()) / 1000;
  return {
    tool: 'autocannon',
    requests: result.requests.total,
    seconds: took,
    rps: result.requests.total / took,
    // With no response inside the run, autocannon reports 0 ms; that is "unknown", not "instant".
    p50: result.requests.total > 0 ? result.latency.p50 : Number.NaN,
    p99: result.requests.total > 0 ? result.latency.p99 : Number.NaN,
    errors: result.errors + result.non2xx,
  };
}

export function load(url: string, connections: number, seconds: number): Promise<LoadResult> {
  return loadTool === 'wrk' ? withWrk(url, connections, seconds) : withAutocannon(url, connections, seconds);
}

/** A few plain requests and a short burst, so caches, JIT and SQLite pages are warm before measuring. */
export async function warm(url: string, seconds: number): Promise<number> {
  let status = 0;
  for (let i = 0; i < 5; i++) {
    const res = await fetch(url);
    await res.arrayBuffer();
    status = res.status;
  }
  await load(url, 10, seconds);
  return status;
}
