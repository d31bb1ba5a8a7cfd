import cluster from 'node:cluster';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import next from 'next';
import { closeDb } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { getAuthSecret } from '@/lib/accounts/auth-secret';
import { ProxySettingError, applyProxyTrust, proxyTrust, type ProxyTrust } from '@/lib/http/trusted-proxy';
import { isAnonymousCommentPost, serveCommentPost } from '@/server/comment-post';
import { Front } from '@/server/front';
import { startMailSender, type MailSender } from '@/server/mail-sender';
import { isFeedFetch, isStatsBeacon, serveVisitorKeys, StatsCounter } from '@/server/stats';
import { workerHeapFlags } from '@/server/worker-heap';

/**
 * `npm start`. One worker per core (Node's cluster), each running Next's production server (its
 * documented custom-server API) behind two steps of our own:
 *  1. forwarding headers rewritten to what can be believed (lib/http/trusted-proxy.ts, TRUST_PROXY),
 *     because Next keeps whatever X-Forwarded-For a client sends;
 *  2. the page cache (server/front.ts): anonymous reads of reader pages answered from memory,
 *     each rendered by Next once per content version and kept compressed; readers' comment posts
 *     answered without Next's request path (server/comment-post.ts, the module the route uses too).
 * The primary process migrates the database, then starts, watches and stops the workers, and runs
 * the one mail sender (server/mail-sender.ts): requests only write the outbox.
 */

// Whatever the blog writes (database, backups, imports, media) is for this user only.
process.umask(0o077);

const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOSTNAME || undefined;
const workers = positiveInteger('WORKERS', availableParallelism());
const cacheMegabytes = positiveInteger('PAGE_CACHE_MB', 64);
const sharedMaxAge = positiveInteger('PAGE_CACHE_SHARED_MAX_AGE', 0, { zero: true });
const workerHeapMegabytes = positiveInteger('WORKER_HEAP_MB', 128);
const statsFlushMs = positiveInteger('STATS_FLUSH_MS', 10_000);
const statsEnabled = statsSetting();

let trust: ProxyTrust;
try {
  trust = proxyTrust();
} catch (error) {
  if (!(error instanceof ProxySettingError)) throw error;
  console.error(error.message);
  process.exit(1);
}

function positiveInteger(name: string, fallback: number, { zero = false } = {}): number {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < (zero ? 0 : 1)) {
    console.error(`${name}=${raw}: expected a whole number${zero ? '' : ' of at least 1'}.`);
    process.exit(1);
  }
  return value;
}

function statsSetting(): boolean {
  const raw = process.env.STATS?.trim().toLowerCase();
  if (!raw || raw === 'on') return true;
  if (raw === 'off') return false;
  console.error(`STATS=${raw}: expected on or off.`);
  process.exit(1);
}

const exitCode = (signal: 'SIGTERM' | 'SIGINT') => (signal === 'SIGTERM' ? 143 : 130);

async function primary() {
  // Once, before any worker starts: workers then find nothing to migrate.
  await migrateDatabase();
  const secret = getAuthSecret();
  closeDb();
  // Each worker's heap is capped (WORKER_HEAP_MB) so it collects before it grows to the machine's size.
  cluster.setupPrimary({
    execArgv: workerHeapFlags({ heapMegabytes: workerHeapMegabytes, nodeOptions: process.env.NODE_OPTIONS, execArgv: process.execArgv }),
  });
  // One sender for the whole server, so pacing is per blog; it opens its own connection.
  const sender = startMailSender(secret);
  let senderStopped: Promise<void> | null = null;
  let stopping: 'SIGTERM' | 'SIGINT' | null = null;
  const deaths: number[] = [];
  let announced = false;
  cluster.on('listening', () => {
    if (announced) return;
    announced = true;
    console.log(`Blogstead is listening on http://${hostname ?? 'localhost'}:${port} (${workers} workers)`);
  });
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      const code = exitCode(stopping);
      // A message being sent is recorded as sent (or not) before the process ends.
      if (Object.keys(cluster.workers ?? {}).length === 0) void (senderStopped ?? Promise.resolve()).then(() => process.exit(code));
      return;
    }
    // A worker that died is replaced; the others go on serving meanwhile.
    console.error(`worker ${worker.process.pid} ended (${signal ?? `code ${code}`}); starting another`);
    const now = Date.now();
    deaths.push(now);
    while (deaths[0]! < now - 60_000) deaths.shift();
    if (deaths.length > workers * 5) {
      console.error('workers keep dying; stopping. See the errors above.');
      process.exit(1);
    }
    cluster.fork();
  });
  const stop = (signal: 'SIGTERM' | 'SIGINT') => {
    if (stopping) return;
    stopping = signal;
    senderStopped = sender?.stop().then(() => closeDb()) ?? null;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    setTimeout(() => process.exit(exitCode(signal)), 35_000).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  serveVisitorKeys(cluster);
  for (let i = 0; i < workers; i++) cluster.fork();
}

async function worker() {
  const app = next({ dev: false, dir: process.cwd(), port, hostname });
  const handle = app.getRequestHandler();
  await app.prepare();

  // Misses are rendered by Next behind a private socket, read whole, then kept.
  const socketDir = mkdtempSync(path.join(tmpdir(), 'blogstead-'));
  const renderSocket = path.join(socketDir, 'render.sock');
  const inner = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => inner.listen(renderSocket, resolve));
  process.once('exit', () => rmSync(socketDir, { recursive: true, force: true }));

  const front = new Front({ next: handle, renderSocket, budgetBytes: cacheMegabytes * 1024 * 1024, sharedMaxAge });
  const stats = new StatsCounter({ flushMs: statsFlushMs, enabled: statsEnabled });
  await stats.start();
  // Without workers, this process is also the one that sends mail.
  const sender: MailSender | null = cluster.isWorker ? null : startMailSender(getAuthSecret());
  const server = createServer((req, res) => {
    applyProxyTrust(req, trust);
    // Page views and feed fetches are counted here, so pages answered from the cache count too.
    if (isFeedFetch(req)) stats.countFeedFetch(req);
    else if (isStatsBeacon(req)) {
      stats.serveBeacon(req, res).catch((error: unknown) => {
        console.error('stats beacon:', error);
        if (!res.headersSent) res.writeHead(204);
        res.end();
      });
      return;
    }
    if (front.handle(req, res)) return;
    // Readers' comments are answered here, without Next's request path (server/comment-post.ts).
    const answer = isAnonymousCommentPost(req) ? serveCommentPost(req, res) : handle(req, res);
    answer.catch((error: unknown) => {
      console.error('request failed:', error);
      if (!res.headersSent) {
        res.statusCode = 500;
        res.setHeader('content-type', 'text/plain; charset=utf-8');
      }
      res.end('Something went wrong on our side; please try again.');
    });
  });
  server.listen(port, hostname, () => {
    if (!cluster.isWorker) console.log(`Blogstead is listening on http://${hostname ?? 'localhost'}:${port}`);
  });

  // As `next start` does: stop accepting, finish the requests in flight, then exit with 128 + signal,
  // so the database is closed (instrumentation.ts) and a supervisor sees a clean stop.
  let stopping = false;
  const stop = (signal: 'SIGTERM' | 'SIGINT') => {
    if (stopping) return;
    stopping = true;
    const code = exitCode(signal);
    const senderStopped = sender?.stop() ?? Promise.resolve();
    server.close(() => {
      inner.close();
      front.close();
      void senderStopped
        .then(() => stats.close())
        .then(() => app.close())
        .finally(() => process.exit(code));
    });
    // Keep-alive connections with nothing in flight would hold close() open.
    server.closeIdleConnections();
    setInterval(() => server.closeIdleConnections(), 100).unref();
    setTimeout(() => {
      console.error('shutdown: requests still running after 30 s; exiting anyway.');
      process.exit(code);
    }, 30_000).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  // The primary is gone (killed): nothing will route requests here any more.
  if (cluster.isWorker) process.on('disconnect', () => process.exit(0));
}

const run = cluster.isPrimary && workers > 1 ? primary : worker;
run().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
