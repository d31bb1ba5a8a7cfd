import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  benchBlogMatches,
  BENCH_GENERATOR_VERSION,
  countStoredBenchComments,
  deleteBenchWriterComments,
  findBenchTargets,
  seedBenchBlog,
  type BenchBlogShape,
  type BenchTargets,
} from '@/db/bench';
import { labelPath } from '@/lib/permalink';
import { runLighthouse, type LighthouseResult } from './lighthouse';
import { load, loadTool, warm, type LoadResult } from './load';
import {
  cpuMs,
  ensureBuild,
  loadAverage,
  memoryMb,
  otherHeavyProcesses,
  processTree,
  startNextServer,
  startStaticServer,
  waitForIdle,
  type Server,
} from './processes';
import { printComments, printReport, type Row } from './report';
import { measurePageWeight } from './weight';
import { runCommentWriters } from './writers';

const PORTS = { large: 3400, small: 3401, static: 3402 };
const DATA_DIR = path.join('bench', 'data');
const RESULTS_DIR = path.join('bench', 'results');
// Readers get the post from the route cache: its route's manifest lists what their browser loads.
const POST_ROUTE_MANIFEST = path.join('.next', 'server', 'app', 'cache', '[key]', '[year]', '[month]', '[slug]', 'page_client-reference-manifest.js');

const HELP = `npm run bench -- [options]

  --posts N         posts in the large blog (default 100000)
  --comments N      comments in the large blog (default 1000000)
  --labels N        labels in the large blog (default 500)
  --years N         years the posts are spread over (default 15)
  --duration S      seconds per measured run (default 5)
  --connections L   comma-separated connection counts (default 10,50)
  --writers N       concurrent comment writers (default 20)
  --search WORD     the word searched for (default marmalade, in about a tenth of the posts)
  --page N          the archive page loaded (default 500)
  --quick           a fast smoke run: 2,000 posts, 20,000 comments, 1 s runs
  --no-lighthouse   skip Lighthouse
  --only writers    only the comment writers, on the large blog (no page loads, weight or Lighthouse)
  --help            this text`;

function options() {
  const { values } = parseArgs({
    options: {
      posts: { type: 'string' },
      comments: { type: 'string' },
      labels: { type: 'string' },
      years: { type: 'string' },
      duration: { type: 'string' },
      connections: { type: 'string' },
      writers: { type: 'string' },
      search: { type: 'string' },
      page: { type: 'string' },
      quick: { type: 'boolean', default: false },
      'no-lighthouse': { type: 'boolean', default: false },
      only: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    process.exit(0);
  }
  const num = (value: string | undefined, fallback: number, name: string) => {
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a number, not "${value}"`);
    return n;
  };
  if (values.only !== undefined && values.only !== 'writers') throw new Error(`--only takes "writers", not "${values.only}"`);
  const quick = values.quick;
  const posts = Math.round(num(values.posts, quick ? 2_000 : 100_000, 'posts'));
  const large: BenchBlogShape = {
    posts,
    comments: Math.round(num(values.comments, quick ? 20_000 : 1_000_000, 'comments')),
    labels: Math.round(num(values.labels, quick ? 50 : 500, 'labels')),
    years: num(values.years, 15, 'years'),
    generator: BENCH_GENERATOR_VERSION,
  };
  // The small blog has the same shape: as many comments per post, proportionally fewer labels.
  const smallPosts = 100;
  const small: BenchBlogShape = {
    posts: smallPosts,
    comments: Math.round((large.comments / Math.max(1, large.posts)) * smallPosts),
    labels: Math.min(large.labels, Math.max(10, Math.ceil(smallPosts / 5))),
    years: Math.min(large.years, 1),
    generator: BENCH_GENERATOR_VERSION,
  };
  return {
    large,
    small,
    duration: num(values.duration, quick ? 1 : 5, 'duration'),
    connections: (values.connections ?? '10,50').split(',').map((c) => Math.max(1, Math.round(num(c, 10, 'connections')))),
    writers: Math.round(num(values.writers, 20, 'writers')),
    search: values.search ?? 'marmalade',
    page: Math.max(2, Math.round(num(values.page, 500, 'page'))),
    lighthouse: !values['no-lighthouse'],
    onlyWriters: values.only === 'writers',
    quick,
  };
}

async function seed(name: string, shape: BenchBlogShape): Promise<{ file: string; reused: boolean; seconds: number }> {
  const file = path.join(DATA_DIR, `${name}.db`);
  if (benchBlogMatches(file, shape)) {
    console.log(`Seed: reusing ${file} (${shape.posts} posts, ${shape.comments} comments, ${shape.labels} labels)`);
    return { file, reused: true, seconds: 0 };
  }
  console.log(`Seed: writing ${file} (${shape.posts} posts, ${shape.comments} comments, ${shape.labels} labels)…`);
  const started = performance.now();
  await seedBenchBlog(file, shape);
  const seconds = (performance.now() - started) / 1000;
  console.log(`Seed: ${file} written in ${seconds.toFixed(1)} s`);
  return { file, reused: false, seconds };
}

type Case = { name: string; blog: 'large' | 'small' | 'static'; server: Server; path: string };

async function measure(c: Case, connections: number, seconds: number, staticRps: Map<number, number>): Promise<Row> {
  const tree = processTree(c.server.pid);
  const cpuBefore = tree.reduce((a, p) => a + cpuMs(p), 0);
  const result: LoadResult = await load(`${c.server.url}${c.path}`, connections, seconds);
  const cpuAfter = processTree(c.server.pid).reduce((a, p) => a + cpuMs(p), 0);
  const memory = memoryMb(c.server.pid);
  if (!(await waitForIdle(c.server.pid))) console.log(`Warning: the ${c.blog} server was still busy 2 minutes after the run`);
  const vsStatic = c.blog === 'static' ? 1 : result.rps / (staticRps.get(connections) ?? Number.NaN);
  if (c.blog === 'static') staticRps.set(connections, result.rps);
  return {
    name: c.name,
    blog: c.blog,
    path: c.path,
    connections,
    rps: result.rps,
    p50: result.p50,
    p99: result.p99,
    cpuMsPerRequest: result.requests > 0 ? (cpuAfter - cpuBefore) / result.requests : Number.NaN,
    peakRssMb: memory.peak,
    vsStatic,
    errors: result.errors,
    requests: result.requests,
  };
}

/**
 * The comment writers against `server`, with the server's CPU time over the run (its whole process
 * tree, so cluster workers count too) and each acknowledged comment looked up in the database.
 */
async function measureWriters(server: Server, database: string, targets: BenchTargets, opts: { writers: number; duration: number }) {
  const seconds = Math.max(opts.duration, 2);
  console.log(`Comments: ${opts.writers} concurrent writers for ${seconds} s…`);
  await waitForIdle(server.pid);
  const cpuBefore = processTree(server.pid).reduce((a, p) => a + cpuMs(p), 0);
  const writers = await runCommentWriters({
    baseUrl: server.url,
    postPath: targets.post.permalink,
    postIds: targets.writerPostIds,
    writers: opts.writers,
    seconds,
  });
  const serverCpuMs = processTree(server.pid).reduce((a, p) => a + cpuMs(p), 0) - cpuBefore;
  const stored = countStoredBenchComments(database, writers.acceptedKeys);
  return {
    ...writers,
    acceptedKeys: undefined,
    serverCpuMs,
    cpuMsPerComment: writers.accepted > 0 ? serverCpuMs / writers.accepted : Number.NaN,
    storedOnce: stored.stored - stored.duplicates,
    ...stored,
  };
}

/** `--only writers`: the large blog's server and the comment writers, nothing else. */
async function writersOnly(opts: ReturnType<typeof options>, startedAt: Date, info: ReturnType<typeof machine>, busy: string[]) {
  const largeSeed = await seed('large', opts.large);
  const targets = findBenchTargets(largeSeed.file, { pageNumber: opts.page, searchWord: opts.search });
  const loadBefore = loadAverage();
  const large = await startNextServer({ name: 'large blog', port: PORTS.large, database: largeSeed.file });
  process.once('SIGINT', () => {
    large.child.kill('SIGKILL');
    process.exit(130);
  });
  let comments: Awaited<ReturnType<typeof measureWriters>>;
  try {
    // The post page is rendered once first, as a reader would have it before commenting.
    await warm(`${large.url}${targets.post.permalink}`, 1);
    comments = await measureWriters(large, largeSeed.file, targets, opts);
  } finally {
    await large.stop();
  }
  const removed = deleteBenchWriterComments(largeSeed.file);
  const result = {
    date: startedAt.toISOString(),
    machine: info,
    loadAverage: { before: loadBefore, after: loadAverage() },
    otherProcessesAtStart: busy,
    only: 'writers',
    options: { duration: opts.duration, writers: opts.writers },
    seed: { large: { shape: opts.large, reused: largeSeed.reused, seconds: largeSeed.seconds } },
    comments: { ...comments, removedAfterwards: removed },
  };
  printComments(result.comments);
  console.log(`Load average ${result.loadAverage.before.join(' ')} before, ${result.loadAverage.after.join(' ')} after.`);
  mkdirSync(RESULTS_DIR, { recursive: true });
  const out = path.join(RESULTS_DIR, `${startedAt.toISOString().replaceAll(':', '-')}-writers.json`);
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nWritten to ${out}`);
}

function machine() {
  const git = (() => {
    try {
      return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    } catch {
      return null;
    }
  })();
  return {
    cores: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryMb: Math.round(os.totalmem() / 2 ** 20),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
    commit: git,
  };
}

async function main() {
  const opts = options();
  const startedAt = new Date();
  const info = machine();
  console.log(`Machine: ${info.cores} cores (${info.cpuModel}), ${info.memoryMb} MB, Node ${info.node}; load average ${loadAverage().join(' ')}`);
  const busy = otherHeavyProcesses();
  if (busy.length > 0) console.log(`Warning: other builds, servers or test runs are running; figures will be noisy:\n  ${busy.join('\n  ')}`);

  const build = await ensureBuild();
  console.log(build === 'existing' ? 'Build: using the existing .next build (delete .next to rebuild)' : 'Build: built with `npm run build`');

  mkdirSync(DATA_DIR, { recursive: true });
  if (opts.onlyWriters) return writersOnly(opts, startedAt, info, busy);
  const largeSeed = await seed('large', opts.large);
  const smallSeed = await seed('small', opts.small);
  const largeTargets = findBenchTargets(largeSeed.file, { pageNumber: opts.page, searchWord: opts.search });
  const smallTargets = findBenchTargets(smallSeed.file, { pageNumber: opts.page, searchWord: opts.search });

  const servers: Server[] = [];
  // Ctrl-C must not leave servers running on the bench ports.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      for (const s of servers) s.child.kill('SIGKILL');
      process.exit(130);
    });
  }
  const loadBefore = loadAverage();
  try {
    const large = await startNextServer({ name: 'large blog', port: PORTS.large, database: largeSeed.file });
    servers.push(large);
    const small = await startNextServer({ name: 'small blog', port: PORTS.small, database: smallSeed.file });
    servers.push(small);
    console.log(`Servers: large blog on :${large.port} (pid ${large.pid}), small blog on :${small.port} (pid ${small.pid})`);

    const postRes = await fetch(`${large.url}${largeTargets.post.permalink}`);
    const postHtml = await postRes.text();
    if (postRes.status !== 200) throw new Error(`${largeTargets.post.permalink} answered ${postRes.status}`);
    const staticServer = await startStaticServer({
      port: PORTS.static,
      html: postHtml,
      contentType: postRes.headers.get('content-type') ?? 'text/html; charset=utf-8',
      dir: DATA_DIR,
    });
    servers.push(staticServer);

    const pagePath = (t: BenchTargets) => `/search?${new URLSearchParams({ 'updated-max': t.pageBefore, 'max-results': String(t.postsPerPage) })}`;
    const cases: Case[] = [
      { name: 'static file (same post HTML)', blog: 'static', server: staticServer, path: largeTargets.post.permalink },
      { name: 'post page', blog: 'large', server: large, path: largeTargets.post.permalink },
      { name: 'home page', blog: 'large', server: large, path: '/' },
      { name: `label page (${largeTargets.label.posts} posts)`, blog: 'large', server: large, path: labelPath(largeTargets.label.name) },
      { name: `archive page ${opts.page}`, blog: 'large', server: large, path: pagePath(largeTargets) },
      { name: `search "${opts.search}" (${largeTargets.searchHits} hits)`, blog: 'large', server: large, path: `/search?q=${encodeURIComponent(opts.search)}` },
      { name: 'Atom feed', blog: 'large', server: large, path: '/feeds/posts/default' },
      { name: 'post page', blog: 'small', server: small, path: smallTargets.post.permalink },
      { name: 'home page', blog: 'small', server: small, path: '/' },
    ];

    console.log(`Load: ${loadTool}, ${opts.duration} s per run at ${opts.connections.join(' and ')} connections`);
    const rows: Row[] = [];
    const staticRps = new Map<number, number>();
    for (const c of cases) {
      const status = await warm(`${c.server.url}${c.path}`, Math.min(2, opts.duration));
      await waitForIdle(c.server.pid);
      if (status !== 200) console.log(`Warning: ${c.path} on the ${c.blog} blog answered ${status}`);
      for (const connections of opts.connections) {
        const row = await measure(c, connections, opts.duration, staticRps);
        rows.push(row);
        console.log(
          `  ${c.blog.padEnd(6)} ${c.name.padEnd(36)} c=${String(connections).padEnd(3)} ${row.rps.toFixed(0).padStart(7)} req/s  p50 ${row.p50.toFixed(1)} ms  p99 ${row.p99.toFixed(1)} ms${row.errors ? `  ${row.errors} errors` : ''}`,
        );
      }
    }

    const comments = await measureWriters(large, largeSeed.file, largeTargets, opts);

    const weight = await measurePageWeight(large.url, largeTargets.post.permalink, POST_ROUTE_MANIFEST);

    const lighthouse: LighthouseResult[] = [];
    if (opts.lighthouse) {
      for (const p of ['/', largeTargets.post.permalink]) {
        console.log(`Lighthouse: ${p} (mobile)…`);
        try {
          lighthouse.push(await runLighthouse(`${large.url}${p}`));
        } catch (error) {
          console.log(`Lighthouse failed on ${p}: ${(error as Error).message.split('\n')[0]}`);
        }
      }
    }

    const loadAfter = loadAverage();
    for (const s of servers.splice(0)) await s.stop();
    // The writers' comments are removed so the next run reuses an unchanged blog.
    const removed = deleteBenchWriterComments(largeSeed.file);

    const result = {
      date: startedAt.toISOString(),
      machine: info,
      loadAverage: { before: loadBefore, after: loadAfter },
      otherProcessesAtStart: busy,
      build,
      loadTool,
      options: { duration: opts.duration, connections: opts.connections, writers: opts.writers, search: opts.search, page: opts.page },
      seed: {
        large: { shape: opts.large, reused: largeSeed.reused, seconds: largeSeed.seconds },
        small: { shape: opts.small, reused: smallSeed.reused, seconds: smallSeed.seconds },
      },
      targets: { large: { ...largeTargets, writerPostIds: undefined }, small: { ...smallTargets, writerPostIds: undefined } },
      rows,
      costGrowth: opts.connections.map((connections) => {
        const p50 = (blog: string, name: string) => rows.find((r) => r.blog === blog && r.name === name && r.connections === connections)?.p50 ?? Number.NaN;
        return {
          connections,
          post: { small: p50('small', 'post page'), large: p50('large', 'post page'), ratio: p50('large', 'post page') / p50('small', 'post page') },
          home: { small: p50('small', 'home page'), large: p50('large', 'home page'), ratio: p50('large', 'home page') / p50('small', 'home page') },
        };
      }),
      comments: { ...comments, removedAfterwards: removed },
      pageWeight: weight,
      lighthouse,
    };

    printReport(result);
    mkdirSync(RESULTS_DIR, { recursive: true });
    const out = path.join(RESULTS_DIR, `${startedAt.toISOString().replaceAll(':', '-')}.json`);
    writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`\nWritten to ${out}`);
  } finally {
    for (const s of servers) await s.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
