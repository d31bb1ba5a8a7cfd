/**
 * Which reader requests Next's route cache may answer, and under which key.
 *
 * A page is cached only when it is the same for every reader: a GET with no query string (or only
 * ?q= on /search, or only Blogger's paging on a listing), from a visitor with no session cookie (an
 * author sees edit links) and no held-comment cookie (a writer sees their comment awaiting
 * moderation). The proxy rewrites such a request to
 * /cache/<key>/<path>, a copy of the reader routes rendered once per key and kept by Next
 * (app/cache). The key holds everything the page depends on beyond its path:
 *   - the content version, bumped by database triggers on any change a reader could see
 *     (whoever writes: the server, the import command, another process);
 *   - the moment the next scheduled post becomes due, when the pages change with no write;
 *   - the blog's origin, for absolute links when SITE_URL is unset;
 *   - on an older page of a listing, its paging.
 * A new key is a new cache entry, so invalidation is exact and needs no purge; old entries fall
 * out of Next's in-memory LRU.
 */

import { HELD_COOKIE } from './held-comments';
import { readPaging } from './paging';
import { pagePermalinkFromSegment, permalinkFromSegments } from './permalink';

export const CACHE_ROOT = '/cache';

// Blogger's reader addresses whose first page is the same for everyone, and the two feeds
// readers poll most, in their default form (Atom, 25 entries).
const CACHEABLE_PATHS = [
  /^\/$/,
  /^\/\d{4}$/,
  /^\/\d{4}\/\d{2}$/,
  /^\/\d{4}\/\d{2}\/[^/]+\.html$/,
  /^\/p\/[^/]+\.html$/,
  /^\/search\/label\/[^/]+$/,
  /^\/author\/[^/]+$/,
  /^\/feeds\/(posts|comments)\/default$/,
];

export type ReaderRequest = {
  method: string;
  pathname: string;
  /** Query parameter names; Next's own `_rsc` (a client navigation's cache buster) is ignored. */
  queryNames: string[];
  cookieNames: string[];
};

/** Auth.js's session cookie, plain over http and __Secure- over https; large ones are chunked (.0, .1 …). */
export const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

const isPersonalCookie = (name: string) => SESSION_COOKIE.test(name) || name === HELD_COOKIE;

// Listings whose older pages Blogger links with ?updated-max=…&max-results=N (/search is the home page's).
const PAGED_LISTINGS = [/^\/\d{4}$/, /^\/\d{4}\/\d{2}$/, /^\/search$/, /^\/search\/label\/[^/]+$/, /^\/author\/[^/]+$/];
const PAGING = new Set(['updated-max', 'max-results']);

export function isCacheableRead({ method, pathname, queryNames, cookieNames }: ReaderRequest): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false;
  if (cookieNames.some(isPersonalCookie)) return false;
  const names = queryNames.filter((name) => name !== '_rsc');
  // A search's first page (/search?q=…): the same answer for everyone until the blog changes.
  if (pathname === '/search' && names.length === 1 && names[0] === 'q') return true;
  // An older page of a listing: the same for everyone too, and what crawlers walk.
  if (names.length > 0) return names.every((name) => PAGING.has(name)) && PAGED_LISTINGS.some((pattern) => pattern.test(pathname));
  return CACHEABLE_PATHS.some((pattern) => pattern.test(pathname));
}

/**
 * A listing page's paging in one canonical key part (`<before, base 36 ms>~<limit>`), read as
 * leniently as the page reads it: malformed values mean the first page, so they share its entry.
 */
export function pagingPart(params: URLSearchParams): string {
  const { before, limit } = readPaging({ 'updated-max': params.get('updated-max') ?? undefined, 'max-results': params.get('max-results') ?? undefined });
  return before || limit ? `${before ? before.getTime().toString(36) : ''}~${limit ?? ''}` : '';
}

/** The paging held in a key, as the listing pages read it from a query string. */
export function pagingFromKey(key: string): Record<string, string> {
  const match = /\.(-?[0-9a-z]*)~(\d*)$/.exec(key);
  if (!match) return {};
  const paging: Record<string, string> = {};
  if (match[1]) paging['updated-max'] = new Date(Number.parseInt(match[1], 36)).toISOString();
  if (match[2]) paging['max-results'] = match[2];
  return paging;
}

/**
 * The post or page a cacheable address names, when it names one. The proxy caches such an address
 * only while that post is visible there: a moved post's old address, an imported blog's old
 * links and a 404 are answered live. (A page rendered once per key and answering a redirect
 * would come out of Next's cache with its Location header twice on the first request.)
 */
export function addressedPost(pathname: string): { permalink: string; type: 'post' | 'page' } | null {
  const post = /^\/(\d{4})\/(\d{2})\/([^/]+)$/.exec(pathname);
  if (post) {
    const permalink = permalinkFromSegments(post[1]!, post[2]!, post[3]!);
    return permalink ? { permalink, type: 'post' } : null;
  }
  const page = /^\/p\/([^/]+)$/.exec(pathname);
  if (page) {
    const permalink = pagePermalinkFromSegment(page[1]!);
    return permalink ? { permalink, type: 'page' } : null;
  }
  return null;
}

export type CacheKeyParts = { version: number; dueAt: number; origin: string; paging?: string };

/** `<version>-<due, base 36 ms or 0>-<origin, base64url>[.<paging>]`: one path segment, URL-safe. */
export function cacheKey({ version, dueAt, origin, paging = '' }: CacheKeyParts): string {
  const due = Number.isFinite(dueAt) ? dueAt.toString(36) : '0';
  return `${version}-${due}-${Buffer.from(origin).toString('base64url')}${paging ? `.${paging}` : ''}`;
}

/** The origin inside a key, or null when the key was not made by cacheKey. */
export function originFromKey(key: string): string | null {
  const match = /^\d+-[0-9a-z]+-([A-Za-z0-9_-]{1,400})(\.-?[0-9a-z]*~\d*)?$/.exec(key);
  if (!match) return null;
  try {
    const text = Buffer.from(match[1]!, 'base64url').toString();
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === text ? url.origin : null;
  } catch {
    return null;
  }
}

/** Longest search kept in the cache; longer ones (pasted paragraphs, junk) render live. */
const MAX_CACHED_QUERY = 200;

/**
 * The internal address that serves a cacheable read: /cache/<key> + the reader's path; a search
 * carries its words as one base64url segment (/cache/<key>/search/<q>), or null to render live.
 */
export function cachedPath(pathname: string, key: string, query?: string | null): string | null {
  if (pathname === '/search') {
    // Without ?q= it is the home page's older posts, paged by the key.
    if (query === null || query === undefined) return `${CACHE_ROOT}/${key}/search`;
    if (!query || query.length > MAX_CACHED_QUERY) return null;
    return `${CACHE_ROOT}/${key}/search/${Buffer.from(query).toString('base64url')}`;
  }
  return `${CACHE_ROOT}/${key}${pathname === '/' ? '' : pathname}`;
}

/** The search words inside a cached search address, or null when the segment is not one. */
export function queryFromSegment(segment: string): string | null {
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(segment)) return null;
  const query = Buffer.from(segment, 'base64url').toString();
  return query.length > 0 && query.length <= MAX_CACHED_QUERY ? query : null;
}
