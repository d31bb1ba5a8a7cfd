import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Clock ticks per second of /proc/PID/stat's utime and stime (100 almost everywhere). */
const CLK_TCK = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

function readProc(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

function parentOf(pid: number): number | null {
  const stat = readProc(`/proc/${pid}/stat`);
  if (!stat) return null;
  // The command name (field 2) may hold spaces and parentheses; fields after the last ')' are fixed.
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(rest[1]);
}

/** `pid` and every process below it. */
export function processTree(pid: number): number[] {
  const all = readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number);
  const tree = new Set([pid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const p of all) {
      const parent = parentOf(p);
      if (parent !== null && tree.has(parent) && !tree.has(p)) {
        tree.add(p);
        grew = true;
      }
    }
  }
  return [...tree];
}

/** CPU time (user + system) of a process, in milliseconds. */
export function cpuMs(pid: number): number {
  const stat = readProc(`/proc/${pid}/stat`);
  if (!stat) return 0;
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // After the name: state(0) ppid(1) … utime(11) stime(12).
  return ((Number(rest[11]) + Number(rest[12])) * 1000) / CLK_TCK;
}

/** Peak and current resident memory of a process, in MB (VmHWM, VmRSS). */
export function memoryMb(pid: number): { peak: number; current: number } {
  const status = readProc(`/proc/${pid}/status`) ?? '';
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
  return { peak: kb('VmHWM') / 1024, current: kb('VmRSS') / 1024 };
}

export type TreeMemory = {
  /** The most the whole tree held at once (sum of VmRSS), sampled. */
  peakTogetherMb: number;
  /** Each process's own peak (VmHWM), highest first: the master and its workers. */
  perProcess: { pid: number; peakMb: number }[];
  /** The peak together so far at named points of the run, to tell which phase made it grow. */
  marks: { label: string; peakTogetherMb: number }[];
};

/**
 * Samples the memory of `pid`'s process tree every `intervalMs` until `stop()`: workers may come
 * and go, and their peaks need not coincide, so neither one reading nor a sum of peaks is the
 * figure for "all workers together".
 */
export function sampleTreeMemory(pid: number, intervalMs = 500): { mark: (label: string) => void; stop: () => TreeMemory } {
  let peakTogether = 0;
  const marks: TreeMemory['marks'] = [];
  const peaks = new Map<number, number>();
  const sample = () => {
    let together = 0;
    for (const p of processTree(pid)) {
      const m = memoryMb(p);
      if (m.peak === 0) continue;
      together += m.current;
      peaks.set(p, Math.max(peaks.get(p) ?? 0, m.peak));
    }
    peakTogether = Math.max(peakTogether, together);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  timer.unref();
  return {
    mark: (label) => {
      sample();
      marks.push({ label, peakTogetherMb: peakTogether });
    },
    stop: () => {
      sample();
      clearInterval(timer);
      return {
        marks,
        peakTogetherMb: peakTogether,
        perProcess: [...peaks].map(([p, peakMb]) => ({ pid: p, peakMb })).sort((a, b) => b.peakMb - a.peakMb),
      };
    },
  };
}

/**
 * Waits until the server has worked off its backlog: requests still queued when a load run
 * stops are served anyway, and would otherwise be billed to the next run.
 */
export async function waitForIdle(pid: number, maxMs = 120_000): Promise<boolean> {
  const deadline = Date.now() + maxMs;
  let quiet = 0;
  while (Date.now() < deadline) {
    const before = processTree(pid).reduce((a, p) => a + cpuMs(p), 0);
    await new Promise((r) => setTimeout(r, 500));
    const used = processTree(pid).reduce((a, p) => a + cpuMs(p), 0) - before;
    quiet = used < 50 ? quiet + 1 : 0;
    if (quiet >= 2) return true;
  }
  return false;
}

/** Machine load, for the record: measurements taken while other work runs are noisy. */
export function loadAverage(): number[] {
  return (readProc('/proc/loadavg') ?? '0 0 0').split(' ').slice(0, 3).map(Number);
}

/** Other builds, servers and browser test runs on this machine, which would skew the figures. */
export function otherHeavyProcesses(ownPids: number[] = []): string[] {
  const own = new Set(ownPids.flatMap((p) => processTree(p)));
  // The bench's own ancestors (npm run bench, tsx) match the pattern too.
  for (let p: number | null = process.pid; p !== null && p > 1 && !own.has(p); p = parentOf(p)) own.add(p);
  const found: string[] = [];
  for (const d of readdirSync('/proc').filter((x) => /^\d+$/.test(x))) {
    if (own.has(Number(d))) continue;
    const cmd = (readProc(`/proc/${d}/cmdline`) ?? '').replaceAll('\0', ' ').trim();
    if (/next (build|start)|next-server|dist\/server\.js|playwright test|lighthouse|scripts\/(bench|reliability)|\bnginx\b|\bwrk\b/.test(cmd)) found.push(`${d} ${cmd.slice(0, 100)}`);
  }
  return found;
}

export type Server = { name: string; port: number; child: ChildProcess; pid: number; url: string; stop: () => Promise<void> };

async function waitForHttp(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the server exited with ${child.exitCode} before answering`);
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.status < 500) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill('SIGTERM');
    });
}

/** `npm start`'s server (dist/server.js) over the existing build on `port`, with the bench database and a fixed secret. */
export async function startNextServer({ name, port, database }: { name: string; port: number; database: string }): Promise<Server> {
  const log: string[] = [];
  // Spawned with node directly (not npx), so the child is the server and no wrapper sits between.
  const child = spawn(process.execPath, [path.join(process.cwd(), 'dist', 'server.js')], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: path.resolve(database),
      AUTH_SECRET: 'blogstead-bench-secret-not-for-production-use-0001',
      PORT: String(port),
      // The comment writers each name their own address in X-Forwarded-For, as behind a proxy.
      TRUST_PROXY: 'loopback',
      NEXT_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    log.push(chunk.toString());
    if (log.length > 200) log.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${url}/health`, child, 120_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${(error as Error).message}\n${log.join('')}`);
  }
  // The spawned process is the root of every worker it forks: CPU and memory are summed over its tree.
  return { name, port, child, pid: child.pid!, url, stop: stopper(child) };
}

/** Builds the app unless a build is there; never starts a second build next to a running one. */
export async function ensureBuild(): Promise<'existing' | 'built'> {
  const buildId = path.join(process.cwd(), '.next', 'BUILD_ID');
  const server = path.join(process.cwd(), 'dist', 'server.js');
  if (existsSync(buildId) && existsSync(server)) return 'existing';
  const deadline = Date.now() + 15 * 60_000;
  while (otherHeavyProcesses().some((p) => /next build/.test(p)) && Date.now() < deadline) {
    console.log('Another `next build` is running; waiting for it instead of starting a second one…');
    await new Promise((r) => setTimeout(r, 10_000));
  }
  if (existsSync(buildId) && existsSync(server)) return 'existing';
  execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
  return 'built';
}
