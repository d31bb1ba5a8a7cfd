/**
 * Building an Intl.DateTimeFormat costs about 0.1 ms (ICU loads the zone and the patterns); using one
 * costs microseconds. A post page formats a date per comment, so each kind of formatter is built once
 * per time zone and kept (formatters hold no state; zones are the few the blog has used).
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(kind: string, locale: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${kind} ${timeZone}`;
  let format = formatters.get(key);
  if (!format) {
    if (formatters.size >= 200) formatters.clear();
    formatters.set(key, (format = new Intl.DateTimeFormat(locale, { ...options, timeZone })));
  }
  return format;
}

/** Blogger's date header: "Sunday, July 9, 2023". */
export function formatDateHeader(date: Date, timeZone: string): string {
  return formatter('header', 'en-US', timeZone, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' }).format(date);
}

/** "10:04 AM", as in "Posted by Ann at 10:04 AM". */
export function formatTime(date: Date, timeZone: string): string {
  return formatter('time', 'en-US', timeZone, { hour: 'numeric', minute: '2-digit' }).format(date);
}

/** "July 9, 2023 at 10:04 AM", for comments. */
export function formatDateTime(date: Date, timeZone: string): string {
  return formatter('datetime', 'en-US', timeZone, { dateStyle: 'long', timeStyle: 'short' }).format(date);
}

/** The calendar day in the blog's zone, used to group posts under one date header. */
export function dayKey(date: Date, timeZone: string): string {
  return formatter('day', 'en-CA', timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

/** Consecutive items that fall on the same day, in order: one date header each. */
export function groupByDay<T>(items: T[], dateOf: (item: T) => Date, timeZone: string): { day: Date; items: T[] }[] {
  const groups: { key: string; day: Date; items: T[] }[] = [];
  for (const item of items) {
    const date = dateOf(item);
    const key = dayKey(date, timeZone);
    const last = groups.at(-1);
    if (last?.key === key) last.items.push(item);
    else groups.push({ key, day: date, items: [item] });
  }
  return groups.map(({ day, items }) => ({ day, items }));
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** Offset of a time zone from UTC at an instant, in milliseconds (positive east of Greenwich). */
function zoneOffset(instant: Date, timeZone: string): number {
  const parts = formatter('offset', 'en-US', timeZone, {
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The instant a wall-clock time in a zone happens: midnight on 1 July 2023 in Los Angeles, say. */
export function zonedTime(year: number, month: number, day: number, timeZone: string, hour = 0, minute = 0, second = 0): Date {
  const guess = Date.UTC(year, month - 1, day, hour, minute, second);
  const first = guess - zoneOffset(new Date(guess), timeZone);
  // A second pass settles days when daylight saving time changes between guess and answer.
  return new Date(guess - zoneOffset(new Date(first), timeZone));
}

/** [start, end) of a year, or of a month in it, in the blog's zone: the span of an archive page. */
export function archiveRange(year: number, month: number | undefined, timeZone: string): { start: Date; end: Date } {
  if (month === undefined) return { start: zonedTime(year, 1, 1, timeZone), end: zonedTime(year + 1, 1, 1, timeZone) };
  const next = month === 12 ? { y: year + 1, m: 1 } : { y: year, m: month + 1 };
  return { start: zonedTime(year, month, 1, timeZone), end: zonedTime(next.y, next.m, 1, timeZone) };
}

/** "July 2023" or "2023", for archive headings. */
export function formatArchiveTitle(year: number, month?: number): string {
  if (month === undefined) return String(year);
  return formatter('archive', 'en-US', 'UTC', { month: 'long', year: 'numeric' }).format(new Date(Date.UTC(year, month - 1, 1)));
}

export function monthName(month: number): string {
  return formatter('month', 'en-US', 'UTC', { month: 'long' }).format(new Date(Date.UTC(2000, month - 1, 1)));
}

/** Current UTC offset of the zone in seconds, for grouping posts by month inside SQL. */
export function currentOffsetSeconds(timeZone: string, at = new Date()): number {
  return Math.round(zoneOffset(at, timeZone) / 1000);
}

/** A datetime-local value ("2026-12-01T09:30") read as wall-clock time in the blog's zone. */
export function parseLocalDateTime(value: string, timeZone: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, sec] = m.map(Number) as number[];
  if (mo! < 1 || mo! > 12 || d! < 1 || d! > 31 || h! > 23 || mi! > 59 || (sec ?? 0) > 59) return null;
  const date = zonedTime(y!, mo!, d!, timeZone, h!, mi!, Number.isNaN(sec) ? 0 : sec!);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The value a datetime-local input shows for an instant, in the blog's zone. */
export function toLocalDateTimeValue(date: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}
