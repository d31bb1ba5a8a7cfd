/** Blogger's date header: "Sunday, July 9, 2023". */
export function formatDateHeader(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  }).format(date);
}

/** "10:04 AM", as in "Posted by Ann at 10:04 AM". */
export function formatTime(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', minute: '2-digit' }).format(date);
}

/** "July 9, 2023 at 10:04 AM", for comments. */
export function formatDateTime(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone, dateStyle: 'long', timeStyle: 'short' }).format(date);
}

/** The calendar day in the blog's zone, used to group posts under one date header. */
export function dayKey(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
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
