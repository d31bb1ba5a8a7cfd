import { describe, expect, it } from 'vitest';
import { archiveRange, formatArchiveTitle, formatDateHeader, groupByDay, parseLocalDateTime, toLocalDateTimeValue, zonedTime } from './dates';

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
