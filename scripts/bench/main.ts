import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { countStoredBenchComments, deleteBenchWriterComments, findBenchTargets, listBenchPostPermalinks, type BenchTargets } from '@/db/bench';
import { labelPath } from '@/lib/posts/permalink';
import { benchBlogMatches, BENCH_GENERATOR_VERSION, BENCH_TOPICAL_WORDS, seedBenchBlog, type BenchBlogShape } from './blog';
import { chooseSearchQueries, crawl, fetchRaw, spreadOver, type CrawlResult } from './crawl';
import { runLighthouse, type LighthouseResult } from './lighthouse';
import { load, warm } from './load';
import { startNginx, type NginxServer } from './nginx';
import {
  cpuMs,
  ensureBuild,
  loadAverage,
  otherHeavyProcesses,
  processTree,
  sampleTreeMemory,
  startNextServer,
  waitForIdle,
  type Server,
  type TreeMemory,
} from './processes';
import { printReport, type Row } from './report';
import { evaluateTargets, cacheLabel, summariseAlternation, type RunFigures } from './targets';
import { ensureBenchTools } from './tools';
import { measurePageWeight } from './weight';
import { runCommentWriters } from './writers';
import { describeBeacons, measureBeacons } from './beacons';

const PORTS = { large: 3400, small: 3401, nginx: 3402 };
const DATA_DIR = path.join('bench', 'data');
const RESULTS_DIR = path.join('bench', 'results');
// The post route's client manifest: which chunks are the project's own (the rest are Next's and React's).
const POST_ROUTE_MANIFEST = path.join('.next', 'server', 'app', '(site)', '[year]', '[month]', '[slug]', 'page_client-reference-manifest.js');
// The home page, the writers' posts and the other runs touch the newest posts; the crawl leaves them out.
const CRAWL_SKIP_NEWEST = 1_000;

const HELP = `npm run bench -- [options]

  --posts N              posts in the large blog (default 100000)
  --comments N           comments in the large blog (default 1000000)
  --labels N             labels in the large blog (default 500)
  --years N              years the posts are spread over (default 15)
  --duration S           seconds per measured run (default 5)
  --connections L        comma-separated connection counts (default 10,50)
  --rounds N             app/nginx pairs per page and connection count (default 2)
  --crawl N              old posts in the miss crawl (default 1000)
  --searches N           distinct new searches (default 100)
  --crawl-concurrency N  requests in flight during the crawl and the searches (default 2)
  --writers N            concurrent comment writers (default 20)
  --search WORD          the word of the repeated search run (default marmalade, in about a tenth of the posts)
  --page N               the archive page loaded (default 500)
  --quick                a fast smoke run: 2,000 posts, 20,000 comments, 1 s runs, 1 round, 100 crawled, 20 searches
  --no-lighthouse        skip Lighthouse
  --help                 this text

wrk and nginx are installed from Debian when missing (as root; otherwise the command is printed).`;

function options() {
  const { values } = parseArgs({
    options: {
      posts: { type: 'string' },
      comments: { type: 'string' },
      labels: { type: 'string' },
      years: { type: 'string' },
      duration: { type: 'string' },
      connections: { type: 'string' },
      rounds: { type: 'string' },
      crawl: { type: 'string' },
      searches: { type: 'string' },
      'crawl-concurrency': { type: 'string' },
      writers: { type: 'string' },
      search: { type: 'string' },
      page: { type: 'string' },
      quick: { type: 'boolean', default: false },
      'no-lighthouse': { type: 'boolean', default: false },
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
    rounds: Math.max(1, Math.round(num(values.rounds, quick ? 1 : 2, 'rounds'))),
    crawl: Math.round(num(values.crawl, quick ? 100 : 1_000, 'crawl')),
    searches: Math.round(num(values.searches, quick ? 20 : 100, 'searches')),
    crawlConcurrency: Math.max(1, Math.round(num(values['crawl-concurrency'], 2, 'crawl-concurrency'))),
    writers: Math.round(num(values.writers, 20, 'writers')),
    search: values.search ?? 'marmalade',
    page: Math.max(2, Math.round(num(values.page, 500, 'page'))),
    lighthouse: !values['no-lighthouse'],
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
  await seedBenchBlog({ file, shape });
  const seconds = (performance.now() - started) / 1000;
  console.log(`Seed: ${file} written in ${seconds.toFixed(1)} s`);
  return { file, reused: false, seconds };
}

type Case = { name: string; blog: 'large' | 'small'; server: Server; path: string; nginxPath: string };

const treeCpu = (pid: number) => processTree(pid).reduce((a, p) => a + cpuMs(p), 0);

/** One wrk run against `server`, with the CPU its whole process tree spent meanwhile. */
async function run(server: Server, url: string, connections: number, seconds: number): Promise<RunFigures> {
  const before = treeCpu(server.pid);
  const result = await load(url, connections, seconds);
  const used = treeCpu(server.pid) - before;
  // Requests still queued when wrk stops are served anyway, and would be billed to the next run.
  if (!(await waitForIdle(server.pid))) console.log(`Warning: ${server.name} was still busy 2 minutes after a run`);
  return {
    rps: result.rps,
    p50: result.p50,
    p99: result.p99,
    cpuMsPerRequest: result.requests > 0 ? used / result.requests : Number.NaN,
    requests: result.requests,
    errors: result.errors,
  };
}

async function measureCase(c: Case, nginx: NginxServer, opts: ReturnType<typeof options>): Promise<Row[]> {
  const url = `${c.server.url}${c.path}`;
  const status = await warm(url, Math.min(2, opts.duration));
  await waitForIdle(c.server.pid);
  if (status !== 200) console.log(`Warning: ${c.path} on the ${c.blog} blog answered ${status}`);
  // Asked after the warm-up, so a page cache has had every chance to keep the page.
  const sample = await fetchRaw(url);
  const answered = cacheLabel(sample.xCache);
  const rows: Row[] = [];
  for (const connections of opts.connections) {
    const rounds: { app: RunFigures; nginx: RunFigures }[] = [];
    for (let i = 0; i < opts.rounds; i++) {
      const app = await run(c.server, url, connections, opts.duration);
      const ngx = await run(nginx, `${nginx.url}${c.nginxPath}`, connections, opts.duration);
      rounds.push({ app, nginx: ngx });
    }
    const s = summariseAlternation(rounds);
    const row: Row = {
      name: c.name,
      blog: c.blog,
      path: c.path,
      connections,
      answered,
      xCache: sample.xCache,
      nextCache: sample.nextCache,
      bytes: sample.body.length,
      app: s.app,
      nginx: s.nginx,
      vsNginx: s.vsNginx,
      rounds: rounds.map((r, i) => ({ ...r, vsNginx: s.ratios[i]! })),
    };
    rows.push(row);
    console.log(
      `  ${c.blog.padEnd(6)} ${c.name.padEnd(36)} c=${String(connections).padEnd(3)} ${answered.padEnd(5)} ${s.app.rps.toFixed(0).padStart(6)} req/s  p50 ${s.app.p50.toFixed(1)} ms  p99 ${s.app.p99.toFixed(1)} ms  ${s.app.cpuMsPerRequest.toFixed(2)} ms CPU  | nginx ${s.nginx.rps.toFixed(0)} req/s  × ${s.vsNginx.toFixed(3)} (rounds ${s.ratios.map((r) => r.toFixed(3)).join(', ')})${s.app.errors ? `  ${s.app.errors} errors` : ''}`,
    );
  }
  return rows;
}

function describeCrawl(label: string, r: CrawlResult): string {
  const counts = (m: Record<string, number>) =>
    Object.entries(m)
      .map(([k, n]) => `${n}× ${k}`)
      .join(', ');
  return `${label}: ${r.pages} requests, ${r.concurrency} at a time, in ${r.seconds.toFixed(1)} s: p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, max ${r.max.toFixed(0)} ms; CPU ${r.cpuMsPerPage.toFixed(1)} ms per page; status ${counts(r.byStatus)}; X-Cache ${counts(r.byXCache)}`;
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

  const tools = ensureBenchTools();
  // `wrk -v` exits with 1 after printing its version; nginx prints its own to stderr.
  const version = (binary: string) => {
    const r = spawnSync(binary, ['-v'], { encoding: 'utf8' });
    return `${r.stdout}${r.stderr}`.split('\n')[0]!.replace(/\s*\[.*$/, '').trim();
  };
  const toolVersions = { wrk: version(tools.wrk), nginx: version(tools.nginx) };
  console.log(`Tools: ${toolVersions.wrk}; ${toolVersions.nginx}`);

  const build = await ensureBuild();
  console.log(build === 'existing' ? 'Build: using the existing .next build (delete .next to rebuild)' : 'Build: built with `npm run build`');

  mkdirSync(DATA_DIR, { recursive: true });
  const largeSeed = await seed('large', opts.large);
  const smallSeed = await seed('small', opts.small);
  const largeTargets = findBenchTargets(largeSeed.file, { pageNumber: opts.page, searchWord: opts.search });
  const smallTargets = findBenchTargets(smallSeed.file, { pageNumber: opts.page, searchWord: opts.search });
  const crawlPaths = spreadOver(
    listBenchPostPermalinks(largeSeed.file).filter((p) => p !== largeTargets.post.permalink),
    opts.crawl,
    { skipFirst: CRAWL_SKIP_NEWEST },
  );
  const searchPaths = chooseSearchQueries(BENCH_TOPICAL_WORDS, opts.searches, [opts.search]).map((q) => `/search?q=${encodeURIComponent(q)}`);

  const servers: Server[] = [];
  // Ctrl-C must not leave servers running on the bench ports: every process of each tree goes,
  // since nginx's workers outlive a killed master.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      for (const s of servers) {
        for (const pid of processTree(s.pid).reverse()) {
          try {
            process.kill(pid, 'SIGKILL');
          } catch {
            // Already gone.
          }
        }
        if ('prefix' in s) rmSync(String(s.prefix), { recursive: true, force: true });
      }
      process.exit(130);
    });
  }
  const loadBefore = loadAverage();
  try {
    const large = await startNextServer({ name: 'large blog', port: PORTS.large, database: largeSeed.file });
    servers.push(large);
    const largeMemory = sampleTreeMemory(large.pid);
    const small = await startNextServer({ name: 'small blog', port: PORTS.small, database: smallSeed.file });
    servers.push(small);
    const smallMemory = sampleTreeMemory(small.pid);
    console.log(`Servers: large blog on :${large.port} (pid ${large.pid}), small blog on :${small.port} (pid ${small.pid})`);

    const pagePath = (t: BenchTargets) => `/search?${new URLSearchParams({ 'updated-max': t.pageBefore, 'max-results': String(t.postsPerPage) })}`;
    const plan: Omit<Case, 'nginxPath'>[] = [
      { name: 'post page', blog: 'large', server: large, path: largeTargets.post.permalink },
      { name: 'home page', blog: 'large', server: large, path: '/' },
      { name: `label page (${largeTargets.label.posts} posts)`, blog: 'large', server: large, path: labelPath(largeTargets.label.name) },
      { name: `archive page ${opts.page}`, blog: 'large', server: large, path: pagePath(largeTargets) },
      { name: `search "${opts.search}" (${largeTargets.searchHits} hits)`, blog: 'large', server: large, path: `/search?q=${encodeURIComponent(opts.search)}` },
      { name: 'Atom feed', blog: 'large', server: large, path: '/feeds/posts/default' },
      { name: 'post page', blog: 'small', server: small, path: smallTargets.post.permalink },
      { name: 'home page', blog: 'small', server: small, path: '/' },
    ];
    // nginx gets each page's own bytes, as the app answered them, at an address of its own.
    const snapshots: { location: string; body: Buffer; contentType: string }[] = [];
    for (const [i, c] of plan.entries()) {
      const page = await fetchRaw(`${c.server.url}${c.path}`);
      if (page.status !== 200) throw new Error(`${c.path} on the ${c.blog} blog answered ${page.status}`);
      snapshots.push({ location: `/pages/${i}`, body: page.body, contentType: page.contentType });
    }
    // As many nginx workers as the app has (WORKERS, one per core by default): both sides get the whole machine.
    const nginxWorkers = process.env.WORKERS ? Math.max(1, Number(process.env.WORKERS)) : ('auto' as const);
    const nginx = await startNginx({ port: PORTS.nginx, workers: nginxWorkers, pages: snapshots });
    servers.push(nginx);
    largeMemory.mark('start');
    smallMemory.mark('start');
    const cases: Case[] = plan.map((c, i) => ({ ...c, nginxPath: snapshots[i]!.location }));
    await load(`${nginx.url}${cases[0]!.nginxPath}`, 10, 1);

    console.log(
      `Load: wrk -t2, ${opts.duration} s per run at ${opts.connections.join(' and ')} connections, app and nginx (${nginxWorkers} workers) in turn, ${opts.rounds} round${opts.rounds === 1 ? '' : 's'} each`,
    );
    const rows: Row[] = [];
    for (const c of cases) rows.push(...(await measureCase(c, nginx, opts)));
    largeMemory.mark('hit runs');
    smallMemory.mark('hit runs');

    await waitForIdle(large.pid);
    console.log(`Miss crawl: ${crawlPaths.length} old posts of the large blog, each once…`);
    const missCrawl = await crawl({ baseUrl: large.url, paths: crawlPaths, concurrency: opts.crawlConcurrency, pid: large.pid });
    console.log(`  ${describeCrawl('crawl', missCrawl)}`);
    largeMemory.mark('miss crawl');
    await waitForIdle(large.pid);
    console.log(`New searches: ${searchPaths.length} distinct queries on the large blog, each once…`);
    const newSearches = await crawl({ baseUrl: large.url, paths: searchPaths, concurrency: opts.crawlConcurrency, pid: large.pid });
    console.log(`  ${describeCrawl('searches', newSearches)}`);
    largeMemory.mark('new searches');
    await waitForIdle(large.pid);

    console.log(`Comments: ${opts.writers} concurrent writers for ${Math.max(opts.duration, 2)} s…`);
    const writers = await runCommentWriters({
      baseUrl: large.url,
      postPath: largeTargets.post.permalink,
      postIds: largeTargets.writerPostIds,
      writers: opts.writers,
      seconds: Math.max(opts.duration, 2),
    });
    const stored = countStoredBenchComments(largeSeed.file, writers.acceptedKeys);

    const weight = await measurePageWeight(large.url, largeTargets.post.permalink, POST_ROUTE_MANIFEST);

    console.log('Stats beacons (#16)…');
    const beacons = await measureBeacons({ server: large, database: largeSeed.file, postPath: largeTargets.post.permalink, seconds: Math.max(opts.duration, 2) });
    for (const line of describeBeacons(beacons)) console.log(`  ${line}`);

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

    const memory: Record<'large' | 'small', TreeMemory> = { large: largeMemory.stop(), small: smallMemory.stop() };
    const loadAfter = loadAverage();
    for (const s of servers.splice(0)) await s.stop();
    // The writers' comments are removed so the next run reuses an unchanged blog.
    const removed = deleteBenchWriterComments(largeSeed.file);

    const costGrowth = opts.connections.map((connections) => {
      const p50 = (blog: string, name: string) => rows.find((r) => r.blog === blog && r.name === name && r.connections === connections)?.app.p50 ?? Number.NaN;
      return {
        connections,
        post: { small: p50('small', 'post page'), large: p50('large', 'post page'), ratio: p50('large', 'post page') / p50('small', 'post page') },
        home: { small: p50('small', 'home page'), large: p50('large', 'home page'), ratio: p50('large', 'home page') / p50('small', 'home page') },
      };
    });
    const maxConnections = Math.max(...opts.connections);
    const postRow = rows.find((r) => r.blog === 'large' && r.name === 'post page' && r.connections === maxConnections);
    const targets = evaluateTargets({
      postHit: postRow && {
        connections: maxConnections,
        answered: postRow.answered,
        vsNginx: postRow.vsNginx,
        p99: postRow.app.p99,
        cpuMsPerRequest: postRow.app.cpuMsPerRequest,
      },
      crawl: { pages: missCrawl.pages, p50: missCrawl.p50, cpuMsPerPage: missCrawl.cpuMsPerPage },
      newSearch: { p50: newSearches.p50 },
      growth: costGrowth.map((g) => ({ connections: g.connections, post: g.post.ratio, home: g.home.ratio })),
      rssPerWorkerMb: Math.max(...[...memory.large.perProcess, ...memory.small.perProcess].map((p) => p.peakMb)),
    });

    const result = {
      date: startedAt.toISOString(),
      wallSeconds: (Date.now() - startedAt.getTime()) / 1000,
      machine: info,
      loadAverage: { before: loadBefore, after: loadAfter },
      otherProcessesAtStart: busy,
      build,
      loadTool: toolVersions.wrk,
      baseline: { server: toolVersions.nginx, workers: nginxWorkers },
      options: {
        duration: opts.duration,
        connections: opts.connections,
        rounds: opts.rounds,
        crawl: opts.crawl,
        searches: opts.searches,
        crawlConcurrency: opts.crawlConcurrency,
        writers: opts.writers,
        search: opts.search,
        page: opts.page,
      },
      seed: {
        large: { shape: opts.large, reused: largeSeed.reused, seconds: largeSeed.seconds },
        small: { shape: opts.small, reused: smallSeed.reused, seconds: smallSeed.seconds },
      },
      targets: { large: { ...largeTargets, writerPostIds: undefined }, small: { ...smallTargets, writerPostIds: undefined } },
      rows,
      missCrawl: { ...missCrawl, paths: crawlPaths.length, firstPath: crawlPaths[0], lastPath: crawlPaths.at(-1) },
      newSearches: { ...newSearches, queries: searchPaths.length, first: searchPaths[0], last: searchPaths.at(-1) },
      memory,
      costGrowth,
      comments: { ...writers, acceptedKeys: undefined, storedOnce: stored.stored - stored.duplicates, ...stored, removedAfterwards: removed },
      pageWeight: weight,
      beacons,
      lighthouse,
      issueTargets: targets,
    };

    printReport(result);
    mkdirSync(RESULTS_DIR, { recursive: true });
    const out = path.join(RESULTS_DIR, `${startedAt.toISOString().replaceAll(':', '-')}.json`);
    writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`\nWritten to ${out} (${(result.wallSeconds / 60).toFixed(1)} minutes)`);
  } finally {
    for (const s of servers) await s.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
