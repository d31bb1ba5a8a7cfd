import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

export type LoadResult = {
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  /** Non-2xx/3xx answers plus socket errors (connect, read, write, timeout). */
  errors: number;
  non2xx: number;
  socketErrors: number;
};

const run = promisify(execFile);

/** A wrk duration (`850.00us`, `2.78ms`, `1.91s`, `1.50m`) in milliseconds. */
export function wrkMs(value: string): number {
  const m = /^([\d.]+)(us|ms|s|m)$/.exec(value.trim());
  if (!m) return Number.NaN;
  const n = Number(m[1]);
  return m[2] === 'us' ? n / 1000 : m[2] === 'ms' ? n : m[2] === 's' ? n * 1000 : n * 60_000;
}

/** The figures of `wrk --latency` output. */
export function parseWrkOutput(stdout: string): LoadResult {
  const summary = /(\d+) requests in ([\d.]+\w+)/.exec(stdout);
  // Without its summary line wrk did not run (refused connection, bad URL): that is not "0 req/s".
  if (!summary) throw new Error(`wrk printed no summary:\n${stdout.trim()}`);
  const requests = Number(summary[1]);
  const seconds = wrkMs(summary[2]!) / 1000;
  const percentile = (p: string) => wrkMs(new RegExp(`^\\s+${p}%\\s+(\\S+)`, 'm').exec(stdout)?.[1] ?? '');
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(stdout)?.[1] ?? 0);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(stdout);
  const socketErrors = socket ? socket.slice(1).reduce((a, b) => a + Number(b), 0) : 0;
  return {
    requests,
    seconds,
    rps: requests / seconds,
    // wrk prints percentiles even for zero requests; with none answered they mean nothing.
    p50: requests > 0 ? percentile('50') : Number.NaN,
    p99: requests > 0 ? percentile('99') : Number.NaN,
    errors: non2xx + socketErrors,
    non2xx,
    socketErrors,
  };
}

/**
 * Two threads: one load generator per core, as the servers get. autocannon (one Node thread)
 * could not send more than about 600 req/s at 50 connections here, which capped the baseline.
 */
export function wrkArgs({ url, connections, seconds }: { url: string; connections: number; seconds: number }): string[] {
  // wrk's default timeout (2 s) drops slower answers from the latency figures; 30 s keeps them in.
  return ['-t', String(Math.min(2, connections)), '-c', String(connections), '-d', `${seconds}s`, '--timeout', '30s', '--latency', url];
}

export async function load(url: string, connections: number, seconds: number): Promise<LoadResult> {
  const args = wrkArgs({ url, connections, seconds });
  try {
    const { stdout } = await run('wrk', args, { maxBuffer: 1 << 20 });
    return parseWrkOutput(stdout);
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`wrk ${args.join(' ')} failed: ${e.stderr || e.stdout || e.message}`);
  }
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
