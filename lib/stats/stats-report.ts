import { dayLabel, referrerGroup, type ReferrerGroup } from './stats';

/** The Stats page's periods, as Blogger's: switched by link, so the page works without JavaScript. */
export const STATS_PERIODS = {
  today: 'Today',
  yesterday: 'Yesterday',
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
  all: 'All time',
} as const;

export type StatsPeriod = keyof typeof STATS_PERIODS;

export function parseStatsPeriod(value: unknown): StatsPeriod {
  return typeof value === 'string' && value in STATS_PERIODS ? (value as StatsPeriod) : '7d';
}

/** The days a period covers, both ends included; from null is all time. */
export function periodRange(period: StatsPeriod, today: number): { from: number | null; to: number } {
  switch (period) {
    case 'today':
      return { from: today, to: today };
    case 'yesterday':
      return { from: today - 1, to: today - 1 };
    case '7d':
      return { from: today - 6, to: today };
    case '30d':
      return { from: today - 29, to: today };
    case 'all':
      return { from: null, to: today };
  }
}

type DayCount = { day: number; views: number; visitors: number };

/** Views (and visitors) in each period, from the stored days. */
export function periodTotals(days: readonly DayCount[], today: number): Record<StatsPeriod, { views: number; visitors: number }> {
  const totals = Object.fromEntries(Object.keys(STATS_PERIODS).map((p) => [p, { views: 0, visitors: 0 }])) as Record<
    StatsPeriod,
    { views: number; visitors: number }
  >;
  for (const row of days) {
    for (const period of Object.keys(STATS_PERIODS) as StatsPeriod[]) {
      const { from, to } = periodRange(period, today);
      if (row.day <= to && (from === null || row.day >= from)) {
        totals[period].views += row.views;
        totals[period].visitors += row.visitors;
      }
    }
  }
  return totals;
}

export type ChartBar = { label: string; short: string; value: number };

const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** One bar per day for the last `count` days, ending today, with days without views as 0. */
export function dailyBars(days: readonly DayCount[], today: number, count = 30): ChartBar[] {
  const byDay = new Map(days.map((d) => [d.day, d.views]));
  const bars: ChartBar[] = [];
  for (let day = today - count + 1; day <= today; day++) {
    const label = dayLabel(day);
    const [, m, d] = label.split('-').map(Number);
    bars.push({ label, short: `${monthNames[m! - 1]} ${d}`, value: byDay.get(day) ?? 0 });
  }
  return bars;
}

/** One bar per month from the first month with views to this one, empty months as 0. */
export function monthlyBars(days: readonly DayCount[], today: number): ChartBar[] {
  const months = new Map<string, number>();
  for (const row of days) {
    const key = dayLabel(row.day).slice(0, 7);
    months.set(key, (months.get(key) ?? 0) + row.views);
  }
  const last = dayLabel(today).slice(0, 7);
  const first = [...months.keys()].sort()[0] ?? last;
  const bars: ChartBar[] = [];
  let [year, month] = first.split('-').map(Number) as [number, number];
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    bars.push({ label: key, short: `${monthNames[month - 1]} ${year}`, value: months.get(key) ?? 0 });
    if (key >= last) break;
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
  }
  return bars;
}

/** Referring sites under Blogger's groups, each group with its total, largest first. */
export function groupReferrers(rows: readonly { domain: string; views: number }[]) {
  const groups = new Map<ReferrerGroup, { group: ReferrerGroup; views: number; sites: { domain: string; views: number }[] }>();
  for (const row of rows) {
    const group = referrerGroup(row.domain);
    let entry = groups.get(group);
    if (!entry) groups.set(group, (entry = { group, views: 0, sites: [] }));
    entry.views += row.views;
    entry.sites.push(row);
  }
  return [...groups.values()].sort((a, b) => b.views - a.views);
}

/** A rounded maximum for a chart's axis (1, 2 or 5 times a power of ten), at least 1. */
export function niceMaximum(value: number): number {
  if (value <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

/** The daily counts as CSV (RFC 4180), one row per stored day. */
export function dailyCountsCsv(rows: readonly { day: number; views: number; visitors: number | null; feedFetches: number | null }[]): string {
  const lines = ['date,views,visitors,feed_fetches'];
  for (const row of rows) lines.push([dayLabel(row.day), row.views, row.visitors ?? '', row.feedFetches ?? ''].join(','));
  return `${lines.join('\r\n')}\r\n`;
}
