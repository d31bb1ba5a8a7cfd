import { describe, expect, it } from 'vitest';
import { archiveRange, currentOffsetSeconds, formatArchiveTitle, formatDateHeader, formatDateTime, formatTime, monthName, groupByDay, parseLocalDateTime, toLocalDateTimeValue, zonedTime } from './dates';

describe('dates in the blog time zone', () => {
  it("writes Blogger's date header", () => {
    expect(formatDateHeader(new Date('2023-07-09T10:04:00Z'), 'UTC')).toBe('Sunday, July 9, 2023');
  });

  it('finds the instant of a wall-clock midnight, across daylight saving time', () => {
    expect(zonedTime(2023, 7, 1, 'America/Los_Angeles').toISOString()).toBe('2023-07-01T07:00:00.000Z');
    expect(zonedTime(2023, 1, 1, 'America/Los_Angeles').toISOString()).toBe('2023-01-01T08:00:00.000Z');
    expect(zonedTime(2023, 3, 26, 'Europe/Berlin').toISOString()).toBe('2023-03-25T23:00:00.000Z');
    expect(zonedTime(2024, 2, 29, 'UTC').toISOString()).toBe('2024-02-29T00:00:00.000Z');
  });

  it('spans a month or a year for archive pages', () => {
    const july = archiveRange(2023, 7, 'UTC');
    expect([july.start.toISOString(), july.end.toISOString()]).toEqual(['2023-07-01T00:00:00.000Z', '2023-08-01T00:00:00.000Z']);
    const december = archiveRange(2023, 12, 'UTC');
    expect(december.end.toISOString()).toBe('2024-01-01T00:00:00.000Z');
    const year = archiveRange(2023, undefined, 'Asia/Tokyo');
    expect([year.start.toISOString(), year.end.toISOString()]).toEqual(['2022-12-31T15:00:00.000Z', '2023-12-31T15:00:00.000Z']);
  });

  it('titles archives', () => {
    expect(formatArchiveTitle(2023, 7)).toBe('July 2023');
    expect(formatArchiveTitle(2023)).toBe('2023');
  });

  it('groups consecutive posts of one day under one header', () => {
    const posts = ['2023-07-09T22:00:00Z', '2023-07-09T08:00:00Z', '2023-07-08T23:30:00Z'].map((t) => ({ at: new Date(t) }));
    expect(groupByDay(posts, (p) => p.at, 'UTC').map((g) => g.items.length)).toEqual([2, 1]);
    // In Tokyo the last one is already on the 9th... and the first on the 10th.
    expect(groupByDay(posts, (p) => p.at, 'Asia/Tokyo').map((g) => g.items.length)).toEqual([1, 2]);
  });
});

describe('schedule times', () => {
  it("reads a datetime-local value in the blog's zone, and writes it back", () => {
    const at = parseLocalDateTime('2024-07-01T09:30', 'America/New_York')!;
    expect(at.toISOString()).toBe('2024-07-01T13:30:00.000Z');
    expect(toLocalDateTimeValue(at, 'America/New_York')).toBe('2024-07-01T09:30');
    expect(parseLocalDateTime('2024-07-01T09:30:15', 'UTC')!.toISOString()).toBe('2024-07-01T09:30:15.000Z');
  });

  it('refuses what is not a date and time', () => {
    for (const bad of ['', 'tomorrow', '2024-13-01T09:00', '2024-07-01 09:00', '2024-07-01T25:00']) {
      expect(parseLocalDateTime(bad, 'UTC'), bad).toBeNull();
    }
  });
});

describe('date formatting on a page with many dates', () => {
  it('builds each kind of formatter once per time zone, not once per date (a post with 10 comments built 12)', () => {
    const original = Intl.DateTimeFormat;
    let built = 0;
    Intl.DateTimeFormat = new Proxy(original, {
      construct(target, args) {
        built++;
        return Reflect.construct(target, args);
      },
    });
    try {
      const dates = Array.from({ length: 10 }, (_, i) => new Date(Date.UTC(2023, 6, 9 + i, 10, 4)));
      for (const zone of ['Europe/Paris', 'America/New_York']) {
        for (const date of dates) {
          formatDateTime(date, zone);
          formatTime(date, zone);
          formatDateHeader(date, zone);
          currentOffsetSeconds(zone, date);
        }
      }
      // The Blog Archive gadget names the months of the newest year on every page.
      for (let month = 1; month <= 12; month++) monthName(month);
      expect(built).toBeLessThanOrEqual(9);
    } finally {
      Intl.DateTimeFormat = original;
    }
  });

  it('keeps each time zone apart', () => {
    const date = new Date('2023-07-09T23:30:00Z');
    expect(formatDateTime(date, 'Europe/Paris')).toBe('July 10, 2023 at 1:30 AM');
    expect(formatDateTime(date, 'America/New_York')).toBe('July 9, 2023 at 7:30 PM');
    expect(formatTime(date, 'Asia/Tokyo')).toBe('8:30 AM');
    expect(formatDateHeader(date, 'Europe/Paris')).toBe('Monday, July 10, 2023');
    expect(formatDateHeader(date, 'UTC')).toBe('Sunday, July 9, 2023');
    expect(currentOffsetSeconds('Europe/Paris', date)).toBe(7200);
    expect(currentOffsetSeconds('America/New_York', date)).toBe(-14400);
    expect([monthName(1), monthName(12)]).toEqual(['January', 'December']);
  });
});
