import { describe, expect, it } from 'vitest';
import { dayNumber } from './stats';
import { dailyBars, dailyCountsCsv, groupReferrers, monthlyBars, niceMaximum, parseStatsPeriod, periodTotals } from './stats-report';

const today = dayNumber(new Date('2026-11-30T12:00:00Z'), 'UTC');

describe('periodTotals', () => {
  it('adds each day to every period it falls in', () => {
    const days = [
      { day: today, views: 5, visitors: 2 },
      { day: today - 1, views: 3, visitors: 1 },
      { day: today - 10, views: 7, visitors: 4 },
      { day: today - 400, views: 100, visitors: 50 },
    ];
    const totals = periodTotals(days, today);
    expect(totals.today.views).toBe(5);
    expect(totals.yesterday.views).toBe(3);
    expect(totals['7d'].views).toBe(8);
    expect(totals['30d'].views).toBe(15);
    expect(totals.all).toEqual({ views: 115, visitors: 57 });
  });
});

describe('chart bars', () => {
  it('fill the last 30 days, days without views as 0', () => {
    const bars = dailyBars([{ day: today, views: 4, visitors: 1 }], today);
    expect(bars).toHaveLength(30);
    expect(bars.at(-1)).toEqual({ label: '2026-11-30', short: 'Nov 30', value: 4 });
    expect(bars[0]!.label).toBe('2026-11-01');
  });

  it('run by month from the first month with views to this one', () => {
    const bars = monthlyBars([{ day: dayNumber(new Date('2026-09-15T00:00:00Z'), 'UTC'), views: 9, visitors: 0 }], today);
    expect(bars.map((b) => [b.label, b.value])).toEqual([
      ['2026-09', 9],
      ['2026-10', 0],
      ['2026-11', 0],
    ]);
    expect(monthlyBars([], today).map((b) => b.label)).toEqual(['2026-11']);
  });

  it('get an axis maximum that reads well', () => {
    expect([0, 1, 3, 17, 120, 999].map(niceMaximum)).toEqual([1, 1, 5, 20, 200, 1000]);
  });
});

describe('groupReferrers', () => {
  it('puts sites under Blogger’s groups, the largest group first', () => {
    const groups = groupReferrers([
      { domain: 'google.com', views: 3 },
      { domain: 'friend.example', views: 5 },
      { domain: 'bing.com', views: 4 },
    ]);
    expect(groups.map((g) => [g.group, g.views])).toEqual([
      ['Search engines', 7],
      ['Other sites', 5],
    ]);
  });
});

describe('the CSV export and the period', () => {
  it('writes one line per day and reads an unknown period as the last 7 days', () => {
    expect(dailyCountsCsv([{ day: today, views: 2, visitors: 1, feedFetches: 0 }])).toBe('date,views,visitors,feed_fetches\r\n2026-11-30,2,1,0\r\n');
    expect(parseStatsPeriod('30d')).toBe('30d');
    expect(parseStatsPeriod('<script>')).toBe('7d');
  });
});
