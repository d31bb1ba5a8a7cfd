/**
 * What a cache miss costs: a crawler walking a large blog's long tail asks for old posts nobody
 * asked for recently, so each is rendered live. Against a running server (`npm start` on the
 * bench's large blog, nothing else loading it), this finds distinct old post addresses through
 * the month archives (as a crawler would), then asks for each once, one at a time, and prints the
 * time to the last byte (p50, p90, p99), the HTML size and the elements per page.
 *
 *   npm run bench:misses -- --url http://127.0.0.1:3500 [--count 200] [--pid PID] [--cached]
 *
 * With --pid (the server's process id) it also prints the server's CPU time per page, read from
 * /proc, which other work on a shared machine disturbs less than the time to the last byte.
 *
 * Each address carries a query parameter the page ignores, so the request skips Next's route
 * cache and renders in app/(site) as a miss in front of any page cache would; --cached leaves it
 * off (the first request for an address then fills the route cache, also a miss).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://127.0.0.1:3000' },
    count: { type: 'string', default: '200' },
    cached: { type: 'boolean', default: false },
    pid: { type: 'string' },
  },
});
const base = values.url!.replace(/\/$/, '');
const count = Number(values.count);

async function get(path: string): Promise<{ status: number; html: string; ms: number }> {
  const start = performance.now();
  const response = await fetch(base + path, { redirect: 'manual', headers: { 'accept-encoding': 'identity' } });
  const html = await response.text();
  return { status: response.status, html, ms: performance.now() - start };
}

/** Old post addresses, a few from each month, oldest years first: what a crawler reaches last. */
async function findOldPosts(wanted: number): Promise<string[]> {
  const home = await get('/');
  const years = [...home.html.matchAll(/href="\/(\d{4})"/g)].map((m) => Number(m[1]));
  if (years.length === 0) throw new Error(`no year archive links on ${base}/ (is the Blog Archive gadget shown?)`);
  const found = new Set<string>();
  const perMonth = 2;
  for (const year of [...new Set(years)].sort()) {
    for (let month = 1; month <= 12 && found.size < wanted; month++) {
      const page = await get(`/${year}/${String(month).padStart(2, '0')}`);
      if (page.status !== 200) continue;
      const posts = [...new Set([...page.html.matchAll(/href="(\/\d{4}\/\d{2}\/[^"/]+\.html)"/g)].map((m) => m[1]!))];
      for (const path of posts.slice(0, perMonth)) found.add(path);
    }
    if (found.size >= wanted) break;
  }
  return [...found].slice(0, wanted);
}

/** The process's user + system CPU time in ms (Linux /proc; clock ticks are 1/100 s here). */
function cpuMs(pid: string): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

async function main() {
  const paths = await findOldPosts(count);
  console.log(`${paths.length} distinct post addresses, ${paths[0]} … ${paths.at(-1)}`);
  const times: number[] = [];
  const sizes: number[] = [];
  const elements: number[] = [];
  const started = performance.now();
  const cpuStart = values.pid ? cpuMs(values.pid) : 0;
  for (const [i, path] of paths.entries()) {
    const { status, html, ms } = await get(values.cached ? path : `${path}?miss=${i}`);
    if (status !== 200) throw new Error(`${path}: HTTP ${status}`);
    times.push(ms);
    sizes.push(Buffer.byteLength(html));
    elements.push(html.match(/<[a-zA-Z]/g)?.length ?? 0);
  }
  const wall = performance.now() - started;
  const cpu = values.pid ? (cpuMs(values.pid) - cpuStart) / times.length : undefined;
  const sorted = [...times].sort((a, b) => a - b);
  const mean = (list: number[]) => list.reduce((n, x) => n + x, 0) / list.length;
  console.log(
    JSON.stringify(
      {
        pages: times.length,
        msPerPage: { p50: +quantile(sorted, 0.5).toFixed(1), p90: +quantile(sorted, 0.9).toFixed(1), p99: +quantile(sorted, 0.99).toFixed(1), mean: +mean(times).toFixed(1) },
        pagesPerSecond: +((times.length / wall) * 1000).toFixed(1),
        serverCpuMsPerPage: cpu === undefined ? undefined : +cpu.toFixed(1),
        htmlKB: +(mean(sizes) / 1024).toFixed(1),
        elementsPerPage: Math.round(mean(elements)),
      },
      null,
      2,
    ),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
