/**
 * The Popular Posts gadget's options, as on Blogger's: ranked by views over the last 7 days,
 * 30 days or all time, how many to show; ranking by comments stays for blogs that prefer it.
 */
export type PopularGadget = {
  rankBy: 'views' | 'comments';
  period: PopularPeriod;
  count: number;
};

export const POPULAR_PERIODS = { '7d': 'Last 7 days', '30d': 'Last 30 days', all: 'All time' } as const;
export type PopularPeriod = keyof typeof POPULAR_PERIODS;

export const DEFAULT_POPULAR_GADGET: PopularGadget = { rankBy: 'views', period: '30d', count: 5 };
export const MAX_POPULAR_COUNT = 10;

/** The stored options, with anything unknown or missing replaced by the default. */
export function parsePopularGadget(stored: unknown): PopularGadget {
  if (!stored || typeof stored !== 'object') return DEFAULT_POPULAR_GADGET;
  const value = stored as Record<string, unknown>;
  const rankBy = value.rankBy === 'comments' ? 'comments' : 'views';
  const period = typeof value.period === 'string' && value.period in POPULAR_PERIODS ? (value.period as PopularPeriod) : DEFAULT_POPULAR_GADGET.period;
  const count =
    typeof value.count === 'number' && Number.isInteger(value.count) && value.count >= 1 && value.count <= MAX_POPULAR_COUNT
      ? value.count
      : DEFAULT_POPULAR_GADGET.count;
  return { rankBy, period, count };
}

/** The first day (as lib/stats.ts numbers days) a period's views count from; null for all time. */
export function popularSince(period: PopularPeriod, today: number): number | null {
  return period === '7d' ? today - 6 : period === '30d' ? today - 29 : null;
}
