/**
 * Blogger's permalink for a post: /YYYY/MM/slug.html, where year and month are those of
 * the first publish in the blog's time zone.
 */
export function postPermalink(slug: string, publishedAt: Date, timeZone: string): string {
  const { year, month } = yearMonthIn(publishedAt, timeZone);
  return `/${year}/${month}/${slug}.html`;
}

/** Blogger's path for a static page. */
export function pagePermalink(slug: string): string {
  return `/p/${slug}.html`;
}

/** When a permalink is taken, Blogger-style variants are tried in order: slug_2, slug_3, ... */
export function permalinkCandidates(base: string, count = 50): string[] {
  const stem = base.replace(/\.html$/, '');
  return [base, ...Array.from({ length: count - 1 }, (_, i) => `${stem}_${i + 2}.html`)];
}

const POST_ADDRESS = /^\/\d{4}\/(0[1-9]|1[0-2])\/[^/]+\.html$/;
const PAGE_ADDRESS = /^\/p\/[^/]+\.html$/;

/** Whether a decoded address has the shape of a post's (/YYYY/MM/slug.html), a page's (/p/slug.html), or neither. */
export function addressShape(path: string): 'post' | 'page' | 'other' {
  if (POST_ADDRESS.test(path)) return 'post';
  return PAGE_ADDRESS.test(path) ? 'page' : 'other';
}

function yearMonthIn(date: Date, timeZone: string): { year: string; month: string } {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit' }).formatToParts(date);
  const year = parts.find((p) => p.type === 'year')?.value ?? String(date.getUTCFullYear());
  const month = parts.find((p) => p.type === 'month')?.value ?? String(date.getUTCMonth() + 1).padStart(2, '0');
  return { year, month };
}

/** Blogger's label URL: /search/label/NAME, exact case, spaces as %20. */
export function labelPath(name: string): string {
  return `/search/label/${encodeURIComponent(name)}`;
}

function safeDecode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

export function authorPath(slug: string): string {
  return `/author/${encodeURIComponent(slug)}`;
}

/** Archive pages: /2023/ and /2023/07/ on Blogger; served here without the trailing slash. */
export function archivePath(year: number, month?: number): string {
  return month === undefined ? `/${year}` : `/${year}/${String(month).padStart(2, '0')}`;
}

/**
 * Labels asked for by a /search/label/NAME path: exact text, `+` meaning "both labels"
 * (Blogger's /search/label/A+B). Null when the segment is not valid %-encoding.
 */
export function labelsFromPath(segment: string): string[] | null {
  const decoded = safeDecode(segment);
  if (decoded === null) return null;
  const names = decoded.split('+').map((name) => name.trim());
  return names.every(Boolean) ? names : null;
}

/**
 * The address a route's segments name, as permalinks and imported old addresses are stored:
 * %-decoded, no trailing slash (WordPress's /2012/02/name/ arrives here as /2012/02/name).
 * Null for broken %-encoding.
 */
export function addressFromSegments(segments: string[]): string | null {
  const decoded = segments.map(safeDecode);
  if (decoded.some((s) => s === null)) return null;
  return withoutTrailingSlashes(`/${decoded.join('/')}`);
}

/**
 * The path without trailing slashes, keeping its first `keep` characters ("/" stays "/"). A
 * backwards scan: `/(.)\/+$/` rescans every run of slashes that is not at the end, which took
 * seconds on one old address made of encoded slashes.
 */
export function withoutTrailingSlashes(path: string, keep = 1): string {
  let end = path.length;
  while (end > keep && path.charCodeAt(end - 1) === 0x2f) end--;
  return path.slice(0, end);
}
