import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
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

/**
 * The process listening on `port`, looked up in /proc/net/tcp{,6} (socket inode) and then in
 * the file descriptors of `root`'s process tree: `next start` may serve from a child of the
 * process we spawned, and that child is the one whose CPU and memory count.
 */
export function listenerPid(port: number, root: number): number | null {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of (readProc(table) ?? '').split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      // local_address is HEXIP:HEXPORT; state 0A is LISTEN; inode is column 9.
      if (cols[1]?.endsWith(`:${hexPort}`) && cols[3] === '0A') inodes.add(cols[9]!);
    }
  }
  if (inodes.size === 0) return null;
  for (const pid of processTree(root)) {
    let fds: string[] = [];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const target = readlinkSync(`/proc/${pid}/fd/${fd}`);
        const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
        if (inode && inodes.has(inode)) return pid;
      } catch {
        // The descriptor closed while we looked.
      }
    }
  }
  return null;
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
  own.add(process.pid);
  const found: string[] = [];
  for (const d of readdirSync('/proc').filter((x) => /^\d+$/.test(x))) {
    if (own.has(Number(d))) continue;
    const cmd = (readProc(`/proc/${d}/cmdline`) ?? '').replaceAll('\0', ' ').trim();
    if (/next (build|start)|next-server|playwright test|lighthouse/.test(cmd)) found.push(`${d} ${cmd.slice(0, 100)}`);
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
  const pid = listenerPid(port, child.pid!) ?? child.pid!;
  return { name, port, child, pid, url, stop: stopper(child) };
}

/**
 * The practical limit: a plain node:http server answering every request with one page held in
 * memory, with the same content type. It runs in its own process so it has a core of its own
 * like the app, and its CPU and memory can be read the same way.
 */
export async function startStaticServer({ port, html, contentType, dir }: { port: number; html: string; contentType: string; dir: string }): Promise<Server> {
  const file = path.join(dir, 'static-page.html');
  writeFileSync(file, html);
  const code = `
    const http = require('node:http');
    const body = require('node:fs').readFileSync(process.env.BENCH_FILE);
    const headers = { 'content-type': process.env.BENCH_TYPE, 'content-length': body.length };
    http.createServer((req, res) => { res.writeHead(200, headers); res.end(body); }).listen(Number(process.env.BENCH_PORT), '127.0.0.1');
  `;
  const child = spawn(process.execPath, ['-e', code], {
    env: { ...process.env, BENCH_FILE: file, BENCH_TYPE: contentType, BENCH_PORT: String(port) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(url, child, 10_000);
  return { name: 'static file', port, child, pid: child.pid!, url, stop: stopper(child) };
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
