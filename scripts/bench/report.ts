import type { LighthouseResult } from './lighthouse';
import type { CrawlResult } from './crawl';
import type { TreeMemory } from './processes';
import { formatTargetLine, type RunFigures, type TargetLine } from './targets';
import type { PageWeight } from './weight';

export type Row = {
  name: string;
  blog: 'large' | 'small';
  path: string;
  connections: number;
  /** X-Cache of a request made after the warm-up (HIT, MISS…), or "live" when the response had none. */
  answered: string;
  xCache: string | null;
  nextCache: string | null;
  bytes: number;
  /** Medians over the rounds (errors summed). */
  app: RunFigures;
  nginx: RunFigures;
  /** Median of the rounds' own ratios of app to nginx requests per second. */
  vsNginx: number;
  rounds: { app: RunFigures; nginx: RunFigures; vsNginx: number }[];
};

type Growth = { connections: number; post: { small: number; large: number; ratio: number }; home: { small: number; large: number; ratio: number } };

export type Printable = {
  date: string;
  machine: { cores: number; memoryMb: number; node: string };
  loadAverage: { before: number[]; after: number[] };
  loadTool: string;
  baseline: { server: string; workers: number | 'auto' };
  options: { duration: number; rounds: number };
  seed: { large: { shape: { posts: number; comments: number; labels: number }; reused: boolean; seconds: number } };
  rows: Row[];
  missCrawl: CrawlResult;
  newSearches: CrawlResult;
  memory: Record<'large' | 'small', TreeMemory>;
  costGrowth: Growth[];
  issueTargets: TargetLine[];
  comments: { writers: number; seconds: number; sent: number; accepted: number; acceptedPerSecond: number; byStatus: Record<string, number>; stored: number; duplicates: number; missing: number; writerRows: number; p50: number; p99: number };
  pageWeight: PageWeight;
  lighthouse: LighthouseResult[];
};

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const fixed = (n: number, digits: number) => (Number.isFinite(n) ? n.toFixed(digits) : '–');

/** A Markdown table, so the output can be pasted into an issue or the README as it is. */
export function markdownTable(rows: Row[]): string {
  const head = '| Blog | Page | Conns | Answered | Req/s | p50 ms | p99 ms | CPU ms/req | nginx req/s | nginx p50 ms | × nginx | Errors |';
  const rule = '|---|---|--:|---|--:|--:|--:|--:|--:|--:|--:|--:|';
  const lines = rows.map((r) =>
    [
      r.blog,
      r.name,
      r.connections,
      // Without a page cache of our own, say whether Next's route cache served it.
      r.answered === 'live' && r.nextCache ? `live (Next ${r.nextCache})` : r.answered,
      fixed(r.app.rps, 0),
      fixed(r.app.p50, 1),
      fixed(r.app.p99, 1),
      fixed(r.app.cpuMsPerRequest, 2),
      fixed(r.nginx.rps, 0),
      fixed(r.nginx.p50, 2),
      fixed(r.vsNginx, 3),
      r.app.errors + r.nginx.errors,
    ].join(' | '),
  );
  return [head, rule, ...lines.map((l) => `| ${l} |`)].join('\n');
}

const counts = (m: Record<string, number>) =>
  Object.entries(m)
    .map(([k, n]) => `${n}× ${k}`)
    .join(', ');

export function printReport(r: Printable): void {
  const shape = r.seed.large.shape;
  console.log(
    `\n## Blogstead bench, ${r.date.slice(0, 10)}: ${r.machine.cores} cores, ${Math.round(r.machine.memoryMb / 1024)} GB, Node ${r.machine.node}, ${r.loadTool} -t2, ${r.options.duration} s per run, ${r.options.rounds} alternated round${r.options.rounds === 1 ? '' : 's'} against ${r.baseline.server} (${r.baseline.workers} workers)`,
  );
  console.log(
    `Large blog: ${shape.posts.toLocaleString('en')} posts, ${shape.comments.toLocaleString('en')} comments, ${shape.labels} labels (${
      r.seed.large.reused ? 'reused' : `seeded in ${r.seed.large.seconds.toFixed(1)} s`
    }); load average ${r.loadAverage.before.join(' ')} before, ${r.loadAverage.after.join(' ')} after.\n`,
  );
  console.log(markdownTable(r.rows));
  console.log('\nFigures are medians over the rounds; × nginx is the median of each round\'s app ÷ nginx req/s, nginx serving the same bytes.');
  for (const [label, c] of [
    ['Miss crawl (old posts of the large blog, each once)', r.missCrawl],
    ['New searches (distinct queries on the large blog, each once)', r.newSearches],
  ] as const) {
    console.log(
      `\n${label}: ${c.pages} requests, ${c.concurrency} at a time, ${c.seconds.toFixed(1)} s; p50 ${fixed(c.p50, 1)} ms, p99 ${fixed(c.p99, 1)} ms, max ${fixed(c.max, 0)} ms; CPU ${fixed(c.cpuMsPerPage, 1)} ms per request; status ${counts(c.byStatus)}; X-Cache ${counts(c.byXCache)}.`,
    );
  }
  console.log('\nMemory (peak RSS of each server\'s process tree, sampled every 0.5 s, in MB; per process from VmHWM):');
  for (const blog of ['large', 'small'] as const) {
    const m = r.memory[blog];
    const phases = [...m.marks.map((k) => `${k.label} ${fixed(k.peakTogetherMb, 0)}`), `end ${fixed(m.peakTogetherMb, 0)}`].join(', ');
    console.log(
      `  ${blog} blog: ${m.perProcess.length} process${m.perProcess.length === 1 ? '' : 'es'}, ${fixed(m.peakTogetherMb, 0)} MB together (peak so far at each phase: ${phases}); per process ${m.perProcess.map((p) => `${fixed(p.peakMb, 0)} MB`).join(', ')}`,
    );
  }
  console.log('\nCost growth (p50 of the same page, 100,000-post blog ÷ 100-post blog):');
  for (const g of r.costGrowth) {
    console.log(
      `  ${g.connections} connections: post page ${fixed(g.post.large, 1)} / ${fixed(g.post.small, 1)} ms = ${fixed(g.post.ratio, 3)}×; home page ${fixed(g.home.large, 1)} / ${fixed(g.home.small, 1)} ms = ${fixed(g.home.ratio, 3)}×`,
    );
  }
  const c = r.comments;
  const statuses = Object.entries(c.byStatus)
    .map(([s, n]) => `${n}× ${s}`)
    .join(', ');
  console.log(
    `\nComments: ${c.writers} writers for ${c.seconds.toFixed(1)} s sent ${c.sent} (${statuses}); accepted ${c.accepted} = ${fixed(c.acceptedPerSecond, 0)}/s, p50 ${fixed(c.p50, 1)} ms, p99 ${fixed(c.p99, 1)} ms.`,
  );
  console.log(
    `  In the database: ${c.stored} of ${c.accepted} acknowledged stored, ${c.duplicates} duplicated, ${c.missing} missing; ${c.writerRows} rows from the writers in all. ${
      c.stored === c.accepted && c.duplicates === 0 && c.writerRows === c.accepted ? 'Every acknowledged comment is stored exactly once.' : 'MISMATCH.'
    }`,
  );
  const w = r.pageWeight;
  console.log(
    `\nPost page weight (gzip -9): HTML ${kb(w.html.gzip)} (${kb(w.html.bytes)} raw); JavaScript ${kb(w.js.total)} = framework ${kb(w.js.framework)} + project ${kb(w.js.project)}; CSS ${kb(w.css)}; fonts ${kb(w.fonts)}; total ${kb(w.total)}.`,
  );
  for (const a of w.assets) console.log(`  ${a.kind.padEnd(6)} ${(a.part ?? '').padEnd(9)} ${kb(a.gzip).padStart(9)}  ${a.url}`);
  for (const l of r.lighthouse) {
    const scores = Object.entries(l.scores)
      .map(([k, v]) => `${k} ${v ?? '–'}`)
      .join(' / ');
    console.log(`\nLighthouse (mobile) ${new URL(l.url).pathname}: ${scores}`);
    for (const f of l.failing) console.log(`  ✗ [${f.category}] ${f.title}${f.displayValue ? ` (${f.displayValue})` : ''}`);
  }
  console.log('\nTargets (issue "Speed"):');
  for (const t of r.issueTargets) console.log(`  ${formatTargetLine(t)}`);
}
