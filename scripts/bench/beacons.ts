import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { countBenchStatsViews, deleteBenchStats } from '@/db/bench-stats';
import { BEACON_PATH } from '@/lib/stats/stats-beacon';
import { load, parseWrkOutput, wrkArgs, type LoadResult } from './load';
import { cpuMs, processTree, waitForIdle, type Server } from './processes';
import { measurePageWeight, type PageWeight } from './weight';

const run = promisify(execFile);
const READER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';
// The reader post page's route: its manifest says which chunks are Next's own.
const POST_MANIFEST = path.join('.next', 'server', 'app', '(site)', '[year]', '[month]', '[slug]', 'page_client-reference-manifest.js');

export type BeaconFigures = {
  connections: number;
  seconds: number;
  /** Beacons alone at `connections`, each from its own address (so every one is counted). */
  beacons: LoadResult & { cpuMsPerBeacon: number };
  /** Views the server wrote for those beacons once its workers flushed: should equal the beacons answered. */
  counted: number;
  /** The post page alone, then with the same number of beacon connections beside it. */
  postAlone: LoadResult;
  postWithBeacons: LoadResult;
  beaconsBesidePost: LoadResult;
  /** The post page's cache answer while beacons ran. */
  postAnsweredWithBeacons: string | null;
  pageWeight: PageWeight;
};

/**
 * wrk's Lua hook: every beacon is a POST of the post's path with a browser's user agent from an
 * address of its own (X-Forwarded-For, believed from loopback as behind a proxy), as real readers
 * send them, so none is dropped by the per-address burst cap and each makes a new visitor.
 */
function beaconScript(postPath: string): string {
  const body = new URLSearchParams({ p: postPath, r: 'https://www.google.com/' }).toString();
  return `
wrk.method = "POST"
wrk.body = "${body}"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["User-Agent"] = "${READER_AGENT}"
local n = 0
request = function()
  n = n + 1
  wrk.headers["X-Forwarded-For"] = string.format("10.%d.%d.%d", math.random(0, 255), math.random(0, 255), math.random(1, 254))
  return wrk.format(nil, "${BEACON_PATH}")
end
`;
}

async function wrk(url: string, connections: number, seconds: number, script?: string): Promise<LoadResult> {
  const args = wrkArgs({ url, connections, seconds });
  if (script) args.unshift('-s', script);
  const { stdout } = await run('wrk', args, { maxBuffer: 1 << 20 });
  return parseWrkOutput(stdout);
}

/**
 * Page-view beacons under load (#16): how many a second the front server takes at `connections`,
 * whether every one answered is counted, and what they cost the post page's cached reads when
 * both run at once. The stats written are deleted afterwards.
 */
export async function measureBeacons({
  server,
  database,
  postPath,
  connections = 50,
  seconds,
}: {
  server: Server;
  database: string;
  postPath: string;
  connections?: number;
  seconds: number;
}): Promise<BeaconFigures> {
  const dir = mkdtempSync(path.join(tmpdir(), 'blogstead-beacons-'));
  const script = path.join(dir, 'beacon.lua');
  writeFileSync(script, beaconScript(postPath));
  const treeCpu = () => processTree(server.pid).reduce((sum, p) => sum + cpuMs(p), 0);
  try {
    deleteBenchStats(database);
    await wrk(server.url, 10, 1, script);
    await waitForIdle(server.pid);
    const before = await settledViews(database);

    const cpuBefore = treeCpu();
    const beacons = await wrk(server.url, connections, seconds, script);
    const cpuUsed = treeCpu() - cpuBefore;
    await waitForIdle(server.pid);
    // Each worker writes its counts every STATS_FLUSH_MS (10 s by default).
    const counted = (await settledViews(database)) - before;

    const postUrl = `${server.url}${postPath}`;
    await load(postUrl, 10, 1);
    const postAlone = await load(postUrl, connections, seconds);
    await waitForIdle(server.pid);
    const [postWithBeacons, beaconsBesidePost] = await Promise.all([load(postUrl, connections, seconds), wrk(server.url, connections, seconds, script)]);
    const sample = await fetch(postUrl);
    await sample.arrayBuffer();
    await waitForIdle(server.pid);

    const pageWeight = await measurePageWeight(server.url, postPath, POST_MANIFEST);
    deleteBenchStats(database);
    return {
      connections,
      seconds,
      beacons: { ...beacons, cpuMsPerBeacon: beacons.requests > 0 ? cpuUsed / beacons.requests : Number.NaN },
      counted,
      postAlone,
      postWithBeacons,
      beaconsBesidePost,
      postAnsweredWithBeacons: sample.headers.get('x-cache'),
      pageWeight,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The stored views once two reads 11 s apart agree (every worker has flushed). */
async function settledViews(database: string): Promise<number> {
  let last = countBenchStatsViews(database);
  for (let i = 0; i < 6; i++) {
    await new Promise((resolve) => setTimeout(resolve, 11_000));
    const now = countBenchStatsViews(database);
    if (now === last) return now;
    last = now;
  }
  return last;
}

export function describeBeacons(b: BeaconFigures): string[] {
  const rps = (r: LoadResult) => `${Math.round(r.rps).toLocaleString('en-US')} req/s (p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms)`;
  return [
    `Beacons at ${b.connections} connections: ${rps(b.beacons)}, ${b.beacons.cpuMsPerBeacon.toFixed(3)} ms server CPU each, ${b.beacons.errors} errors; ` +
      `${b.counted.toLocaleString('en-US')} views written for ${b.beacons.requests.toLocaleString('en-US')} answered`,
    `Post page at ${b.connections} connections: alone ${rps(b.postAlone)}; with ${b.connections} beacon connections beside it ${rps(b.postWithBeacons)} ` +
      `(${((b.postWithBeacons.rps / b.postAlone.rps) * 100).toFixed(0)}% of alone; answered ${b.postAnsweredWithBeacons ?? 'live'}), beacons meanwhile ${rps(b.beaconsBesidePost)}`,
    `Post page JS (gzip): project ${(b.pageWeight.js.project / 1024).toFixed(1)} KB, framework ${(b.pageWeight.js.framework / 1024).toFixed(1)} KB`,
  ];
}
