import type { LighthouseResult } from './lighthouse';
import type { PageWeight } from './weight';

export type Row = {
  name: string;
  blog: 'large' | 'small' | 'static';
  path: string;
  connections: number;
  rps: number;
  p50: number;
  p99: number;
  cpuMsPerRequest: number;
  peakRssMb: number;
  vsStatic: number;
  errors: number;
  requests: number;
};

export type CommentsResult = {
  writers: number;
  seconds: number;
  sent: number;
  accepted: number;
  acceptedPerSecond: number;
  byStatus: Record<string, number>;
  stored: number;
  duplicates: number;
  missing: number;
  writerRows: number;
  p50: number;
  p99: number;
  cpuMsPerComment: number;
};

type Growth = { connections: number; post: { small: number; large: number; ratio: number }; home: { small: number; large: number; ratio: number } };

export type Printable = {
  date: string;
  machine: { cores: number; memoryMb: number; node: string };
  loadAverage: { before: number[]; after: number[] };
  loadTool: string;
  options: { duration: number };
  seed: { large: { shape: { posts: number; comments: number; labels: number }; reused: boolean; seconds: number } };
  rows: Row[];
  costGrowth: Growth[];
  comments: CommentsResult;
  pageWeight: PageWeight;
  lighthouse: LighthouseResult[];
};

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const fixed = (n: number, digits: number) => (Number.isFinite(n) ? n.toFixed(digits) : '–');

/** A Markdown table, so the output can be pasted into an issue or the README as it is. */
export function markdownTable(rows: Row[]): string {
  const head = '| Blog | Page | Conns | Req/s | p50 ms | p99 ms | CPU ms/req | Peak RSS MB | × static | Errors |';
  const rule = '|---|---|--:|--:|--:|--:|--:|--:|--:|--:|';
  const lines = rows.map((r) =>
    [
      r.blog === 'large' ? 'large' : r.blog === 'small' ? 'small' : '—',
      r.name,
      r.connections,
      fixed(r.rps, 0),
      fixed(r.p50, 1),
      fixed(r.p99, 1),
      fixed(r.cpuMsPerRequest, 2),
      fixed(r.peakRssMb, 0),
      r.blog === 'static' ? '1' : fixed(r.vsStatic, 3),
      r.errors,
    ].join(' | '),
  );
  return [head, rule, ...lines.map((l) => `| ${l} |`)].join('\n');
}

export function printComments(c: CommentsResult): void {
  const statuses = Object.entries(c.byStatus)
    .map(([s, n]) => `${n}× ${s}`)
    .join(', ');
  console.log(
    `\nComments: ${c.writers} writers for ${c.seconds.toFixed(1)} s sent ${c.sent} (${statuses}); accepted ${c.accepted} = ${fixed(c.acceptedPerSecond, 0)}/s, p50 ${fixed(c.p50, 1)} ms, p99 ${fixed(c.p99, 1)} ms; server CPU ${fixed(c.cpuMsPerComment, 2)} ms per accepted comment.`,
  );
  console.log(
    `  In the database: ${c.stored} of ${c.accepted} acknowledged stored, ${c.duplicates} duplicated, ${c.missing} missing; ${c.writerRows} rows from the writers in all. ${
      c.stored === c.accepted && c.duplicates === 0 && c.writerRows === c.accepted ? 'Every acknowledged comment is stored exactly once.' : 'MISMATCH.'
    }`,
  );
}

export function printReport(r: Printable): void {
  const shape = r.seed.large.shape;
  console.log(
    `\n## Blogstead bench, ${r.date.slice(0, 10)}: ${r.machine.cores} cores, ${Math.round(r.machine.memoryMb / 1024)} GB, Node ${r.machine.node}, ${r.loadTool}, ${r.options.duration} s per run`,
  );
  console.log(
    `Large blog: ${shape.posts.toLocaleString('en')} posts, ${shape.comments.toLocaleString('en')} comments, ${shape.labels} labels (${
      r.seed.large.reused ? 'reused' : `seeded in ${r.seed.large.seconds.toFixed(1)} s`
    }); load average ${r.loadAverage.before.join(' ')} before, ${r.loadAverage.after.join(' ')} after.\n`,
  );
  console.log(markdownTable(r.rows));
  console.log('\nCost growth (p50 of the same page, 100,000-post blog ÷ 100-post blog):');
  for (const g of r.costGrowth) {
    console.log(
      `  ${g.connections} connections: post page ${fixed(g.post.large, 1)} / ${fixed(g.post.small, 1)} ms = ${fixed(g.post.ratio, 2)}×; home page ${fixed(g.home.large, 1)} / ${fixed(g.home.small, 1)} ms = ${fixed(g.home.ratio, 2)}×`,
    );
  }
  printComments(r.comments);
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
}
