/**
 * Which reader requests the page cache in front of Next (server/front.ts) may answer, and under
 * which key.
 *
 * A page is cached only when it is the same for every reader: a GET or HEAD of a Blogger reader
 * address with no query string (or only ?q= on /search, or only Blogger's paging on a listing),
 * not a client navigation's data request, from a visitor with no session cookie (an author sees
 * edit links) and no held-comment cookie (a writer sees their comment awaiting moderation). The
 * key holds everything the page depends on beyond its address:
 *   - the content version, bumped by database triggers on any change a reader could see
 *     (whoever writes: any worker, the import command, another process);
 *   - the moment the next scheduled post becomes due, when the pages change with no write;
 *   - the blog's origin, for absolute links when SITE_URL is unset;
 *   - on an older page of a listing, its paging; on a search, its words.
 * A new key is a new entry, so invalidation is exact and needs no purge; old entries fall out of
 * the cache's LRU.
 */

import { HELD_COOKIE } from '../comments/held-comments';
import { readPaging } from './paging';

// Blogger's reader addresses whose first page is the same for everyone, and the two feeds
// readers poll most, in their default form (Atom, 25 entries).
const CACHEABLE_PATHS = [
  /^\/$/,
  /^\/\d{4}$/,
  /^\/\d{4}\/\d{2}$/,
  /^\/\d{4}\/\d{2}\/[^/]+\.html$/,
  /^\/p\/[^/]+\.html$/,
  /^\/search\/label\/[^/]+$/,
  // Every label with its count: linked from the Labels gadget when it shows only the most used.
  /^\/search\/label$/,
  /^\/author\/[^/]+$/,
  /^\/feeds\/(posts|comments)\/default$/,
];

export type ReaderRequest = {
  method: string;
  pathname: string;
  /** Query parameter names, tracking parameters already left out (see withoutTracking). */
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
  const names = queryNames;
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

export type CacheKeyParts = { version: number; dueAt: number; origin: string; paging?: string };

/** `<version>-<due, base 36 ms or 0>-<origin, base64url>[.<paging>]`: one path segment, URL-safe. */
export function cacheKey({ version, dueAt, origin, paging = '' }: CacheKeyParts): string {
  const due = Number.isFinite(dueAt) ? dueAt.toString(36) : '0';
  return `${version}-${due}-${Buffer.from(origin).toString('base64url')}${paging ? `.${paging}` : ''}`;
}

/** Longest search kept in the cache; longer ones (pasted paragraphs, junk) render live. */
export const MAX_CACHED_QUERY = 200;

/**
 * Parameters that links shared on social sites and in newsletters carry for someone else's
 * analytics: they change nothing on the page, so they are left out before the page is rendered
 * or looked up (a shared post stays a cache hit, and the parameters are never echoed).
 */
const TRACKING = /^(utm_[a-z_]+|fbclid|gclid|gclsrc|dclid|gbraid|wbraid|msclkid|yclid|twclid|ttclid|li_fat_id|igshid|mc_cid|mc_eid|_ga|_gl|_hsenc|_hsmi|mkt_tok|oly_anon_id|oly_enc_id|vero_id|rb_clickid|s_cid)$/;

/** The request target without tracking parameters, or null when it has none to leave out. */
export function withoutTracking(target: string): string | null {
  const q = target.indexOf('?');
  if (q === -1) return null;
  const kept: string[] = [];
  let dropped = false;
  for (const pair of target.slice(q + 1).split('&')) {
    const name = pair.split('=', 1)[0]!;
    let decoded = name;
    try {
      decoded = decodeURIComponent(name.replace(/\+/g, ' '));
    } catch {
      // A broken %-escape is not a tracking parameter; the page answers it as before.
    }
    if (TRACKING.test(decoded.toLowerCase())) dropped = true;
    else if (pair) kept.push(pair);
  }
  if (!dropped) return null;
  return target.slice(0, q) + (kept.length ? `?${kept.join('&')}` : '');
}
