/**
 * Which reader requests Next's route cache may answer, and under which key.
 *
 * A page is cached only when it is the same for every reader: a GET with no query string, from a
 * visitor with no session cookie (an author sees edit links) and no held-comment cookie (a writer
 * sees their comment awaiting moderation). The proxy rewrites such a request to
 * /cache/<key>/<path>, a copy of the reader routes rendered once per key and kept by Next
 * (app/cache). The key holds everything the page depends on beyond its path:
 *   - the content version, bumped by database triggers on any change a reader could see
 *     (whoever writes: the server, the import command, another process);
 *   - the moment the next scheduled post becomes due, when the pages change with no write;
 *   - the blog's origin, for absolute links when SITE_URL is unset.
 * A new key is a new cache entry, so invalidation is exact and needs no purge; old entries fall
 * out of Next's in-memory LRU.
 */

import { HELD_COOKIE } from './held-comments';
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

export function isCacheableRead({ method, pathname, queryNames, cookieNames }: ReaderRequest): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false;
  if (cookieNames.some(isPersonalCookie)) return false;
  const names = queryNames.filter((name) => name !== '_rsc');
  // A search's first page (/search?q=…): the same answer for everyone until the blog changes.
  if (pathname === '/search') return names.length === 1 && names[0] === 'q';
  if (names.length > 0) return false;
  return CACHEABLE_PATHS.some((pattern) => pattern.test(pathname));
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

export type CacheKeyParts = { version: number; dueAt: number; origin: string };

/** `<version>-<due, base 36 ms or 0>-<origin, base64url>`: one path segment, URL-safe. */
export function cacheKey({ version, dueAt, origin }: CacheKeyParts): string {
  const due = Number.isFinite(dueAt) ? dueAt.toString(36) : '0';
  return `${version}-${due}-${Buffer.from(origin).toString('base64url')}`;
}

/** The origin inside a key, or null when the key was not made by cacheKey. */
export function originFromKey(key: string): string | null {
  const match = /^\d+-[0-9a-z]+-([A-Za-z0-9_-]{1,400})$/.exec(key);
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
