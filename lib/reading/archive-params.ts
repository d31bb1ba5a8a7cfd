/** The year and month of an archive URL, or null when it cannot be one (/2023, /2023/07). */
export function parseArchiveParams(year: string, month?: string): { year: number; month?: number } | null {
  if (!/^\d{4}$/.test(year)) return null;
  const y = Number(year);
  if (y < 1970 || y > 9999) return null;
  if (month === undefined) return { year: y };
  if (!/^(0[1-9]|1[0-2])$/.test(month)) return null;
  return { year: y, month: Number(month) };
}
