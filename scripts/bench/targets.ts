export function median(values: readonly number[]): number {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export type RunFigures = { rps: number; p50: number; p99: number; cpuMsPerRequest: number; requests: number; errors: number };

function medianRun(runs: RunFigures[]): RunFigures {
  return {
    rps: median(runs.map((r) => r.rps)),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    cpuMsPerRequest: median(runs.map((r) => r.cpuMsPerRequest)),
    requests: median(runs.map((r) => r.requests)),
    // An error in any round is worth seeing; a median would hide it.
    errors: runs.reduce((a, r) => a + r.errors, 0),
  };
}

/**
 * App and nginx runs of one page, taken in turn (app, nginx, app, nginx…). Each round's ratio
 * compares runs made seconds apart, so a noisy moment on the machine hits both sides of it;
 * the page's ratio is the median of those, not a ratio of medians taken at different times.
 */
export function summariseAlternation(rounds: { app: RunFigures; nginx: RunFigures }[]): { app: RunFigures; nginx: RunFigures; vsNginx: number; ratios: number[] } {
  const ratios = rounds.map((r) => r.app.rps / r.nginx.rps);
  return { app: medianRun(rounds.map((r) => r.app)), nginx: medianRun(rounds.map((r) => r.nginx)), vsNginx: median(ratios), ratios };
}

/** What answered: the page cache's own header, or "live" when it put none on the response. */
export function cacheLabel(xCache: string | null | undefined): string {
  const value = (xCache ?? '').trim().toUpperCase();
  return value === '' ? 'live' : value;
}

export type TargetInputs = {
  /** The large blog's post page, repeated, at the highest connection count measured (50 by default). */
  postHit?: { connections: number; answered: string; vsNginx: number; p99: number; cpuMsPerRequest: number };
  crawl?: { pages: number; p50: number; cpuMsPerPage: number };
  newSearch?: { p50: number };
  /** p50 of the 100,000-post blog ÷ the 100-post blog's, per connection count. */
  growth: { connections: number; post: number; home: number }[];
  /** The largest peak RSS of any one server process, across both blogs. */
  rssPerWorkerMb: number;
};

export type TargetLine = {
  label: string;
  value: number;
  unit: string;
  op: '>=' | '<' | '<=';
  limit: number;
  pass: boolean;
  stretch?: { limit: number; pass: boolean };
  note?: string;
};

function line(label: string, value: number | undefined, unit: string, op: TargetLine['op'], limit: number, extra: { stretch?: number; note?: string } = {}): TargetLine {
  const v = value ?? Number.NaN;
  const meets = (l: number) => !Number.isNaN(v) && (op === '>=' ? v >= l : op === '<' ? v < l : v <= l);
  return {
    label,
    value: v,
    unit,
    op,
    limit,
    pass: meets(limit),
    ...(extra.stretch !== undefined ? { stretch: { limit: extra.stretch, pass: meets(extra.stretch) } } : {}),
    ...(extra.note ? { note: extra.note } : {}),
  };
}

/** The targets of the issue "Speed", each with a pass or a miss. */
export function evaluateTargets(t: TargetInputs): TargetLine[] {
  const hit = t.postHit;
  const c = hit?.connections ?? 50;
  const answered = hit && hit.answered !== 'HIT' ? `answered ${hit.answered}, not a page-cache hit` : undefined;
  const lines = [
    line(`post page hit at ${c} connections, × nginx`, hit?.vsNginx, '×', '>=', 0.1, { stretch: 0.3, note: answered }),
    line(`post page hit at ${c} connections, p99`, hit?.p99, 'ms', '<', 50, { note: answered }),
    line('post page CPU per hit', hit?.cpuMsPerRequest, 'ms', '<', 0.3, { note: answered }),
    line(`miss crawl (${(t.crawl?.pages ?? 0).toLocaleString('en')} old posts) p50`, t.crawl?.p50, 'ms', '<', 50),
    line('miss crawl CPU per page', t.crawl?.cpuMsPerPage, 'ms', '<', 20),
    line('new search on the large blog p50', t.newSearch?.p50, 'ms', '<', 50),
  ];
  for (const g of t.growth) {
    lines.push(line(`post page p50, 100,000 ÷ 100 posts, ${g.connections} connections`, g.post, '×', '<=', 1.2));
    lines.push(line(`home page p50, 100,000 ÷ 100 posts, ${g.connections} connections`, g.home, '×', '<=', 1.2));
  }
  lines.push(line('peak RSS per worker', t.rssPerWorkerMb, 'MB', '<', 250));
  return lines;
}

// Three decimals for ratios: 1.2025× printed as "1.20×" would read as a pass.
const show = (n: number, unit: string) => (unit === '×' ? `${n.toFixed(3)}×` : `${n < 1 ? n.toFixed(2) : n.toFixed(1)} ${unit}`);
const OP = { '>=': '≥', '<': '<', '<=': '≤' } as const;

export function formatTargetLine(l: TargetLine): string {
  const value = Number.isNaN(l.value) ? 'not measured' : show(l.value, l.unit);
  const stretch = l.stretch ? `, stretch ${OP[l.op]} ${show(l.stretch.limit, l.unit)}: ${l.stretch.pass ? 'pass' : 'miss'}` : '';
  return `${l.pass ? 'pass' : 'miss'}  ${l.label}: ${value} (target ${OP[l.op]} ${show(l.limit, l.unit)}${stretch})${l.note ? ` — ${l.note}` : ''}`;
}
