import { createHmac } from 'node:crypto';
import { isbot } from 'isbot';
import { dayKey } from '../reading/dates';

/**
 * Counting page views without cookies and without keeping an address (the Plausible/Umami
 * method): a hit is reduced at once to what the Stats page shows (the day, the page, the
 * referring site, the browser and system families) plus, for unique visitors, a keyed hash of
 * address + user agent + day whose key lives in memory for that day only. Nothing here touches
 * the database; db/stats.ts writes what this module has counted.
 */

export { BEACON_PATH } from './stats-beacon';
/** A beacon carries a path and a referrer; anything longer is not a beacon. */
export const MAX_BEACON_BYTES = 2048;
const MAX_DOMAIN = 253;

const DAY_MS = 86_400_000;

/** A day as stored: whole days since 1970-01-01, as the calendar reads in the blog's zone. */
export function dayNumber(at: Date, timeZone: string): number {
  return Math.round(Date.parse(`${dayKey(at, timeZone)}T00:00:00Z`) / DAY_MS);
}

/** A stored day as YYYY-MM-DD. */
export function dayLabel(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Who is not counted: crawlers and other robots (isbot's maintained list, and any request that
 * names no user agent), signed-in authors (Blogger's "Don't track your own pageviews"), and
 * readers who asked not to be tracked (DNT: 1 or Sec-GPC: 1). Nothing personal is stored either
 * way, but a reader who asked is not counted at all.
 */
export function notCountedBecause({
  userAgent,
  doNotTrack,
  globalPrivacyControl,
  signedIn,
}: {
  userAgent: string | undefined;
  doNotTrack: string | undefined;
  globalPrivacyControl: string | undefined;
  signedIn: boolean;
}): 'robot' | 'author' | 'do not track' | null {
  if (!userAgent || isbot(userAgent)) return 'robot';
  if (signedIn) return 'author';
  if (doNotTrack?.trim() === '1' || globalPrivacyControl?.trim() === '1') return 'do not track';
  return null;
}

/**
 * One reader on one day, as a number: HMAC-SHA256 of address and user agent under the day's key,
 * cut to 52 bits (a JavaScript integer; two of a million readers in a day share one about once in
 * ten thousand days). Without the key, which is never written anywhere, it cannot be matched
 * to an address, and tomorrow's key makes the same reader a different number.
 */
export function visitorHash(key: Uint8Array, address: string, userAgent: string, day: number): number {
  const digest = createHmac('sha256', key).update(`${day}\n${address}\n${userAgent}`).digest();
  return digest.readUIntBE(0, 6) * 16 + (digest[6]! >> 4);
}

/** The referring site's host name (lower case, without "www."), or null for none, our own site or anything not http(s). */
export function referrerDomain(referrer: string | null | undefined, ownHost: string | null): string | null {
  if (!referrer) return null;
  let url: URL;
  try {
    url = new URL(referrer);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const host = url.hostname.toLowerCase().replace(/^www\./, '').replace(/\.$/, '');
  if (!host || host.length > MAX_DOMAIN) return null;
  const own = ownHost?.toLowerCase().replace(/:\d+$/, '').replace(/^www\./, '');
  if (own && host === own) return null;
  return host;
}

export type ReferrerGroup = 'Search engines' | 'Social sites' | 'Feed readers' | 'Other sites';

const GROUPS: [ReferrerGroup, RegExp][] = [
  [
    'Search engines',
    /(^|\.)(google(\.[a-z]+)+|bing\.com|duckduckgo\.com|search\.yahoo\.com|yahoo\.com|yandex\.[a-z]+|baidu\.com|ecosia\.org|startpage\.com|qwant\.com|search\.brave\.com|kagi\.com|naver\.com|seznam\.cz|yep\.com)$/,
  ],
  [
    'Social sites',
    /(^|\.)(facebook\.com|fb\.com|t\.co|twitter\.com|x\.com|reddit\.com|linkedin\.com|lnkd\.in|instagram\.com|pinterest\.[a-z]+|tumblr\.com|bsky\.app|mastodon\.[a-z]+|threads\.net|news\.ycombinator\.com|lobste\.rs|vk\.com|weibo\.com|youtube\.com|tiktok\.com|quora\.com)$/,
  ],
  [
    'Feed readers',
    /(^|\.)(feedly\.com|inoreader\.com|newsblur\.com|theoldreader\.com|feedbin\.com|feedbin\.me|bazqux\.com|miniflux\.app|netnewswire\.com|readwise\.io|feeder\.co)$/,
  ],
];

/** Blogger's grouping of traffic sources: search engines, social sites, feed readers, the rest. */
export function referrerGroup(domain: string): ReferrerGroup {
  for (const [group, pattern] of GROUPS) if (pattern.test(domain)) return group;
  return 'Other sites';
}

/** The browser's family, never its version: the order matters, as Edge and Opera also say "Chrome". */
export function browserFamily(userAgent: string): string {
  if (/\bEdg(e|A|iOS)?\//.test(userAgent)) return 'Edge';
  if (/\b(OPR|Opera)\//.test(userAgent)) return 'Opera';
  if (/\bSamsungBrowser\//.test(userAgent)) return 'Samsung Internet';
  if (/\b(Firefox|FxiOS)\//.test(userAgent)) return 'Firefox';
  if (/\b(Chrome|CriOS|Chromium)\//.test(userAgent)) return 'Chrome';
  if (/\bVersion\/[\d.]+.*Safari\//.test(userAgent) || /\b(iPhone|iPad)\b.*AppleWebKit/.test(userAgent)) return 'Safari';
  return 'Other';
}

/** The operating system's family: iOS and Android before macOS and Linux, which their agents also name. */
export function osFamily(userAgent: string): string {
  if (/\b(iPhone|iPad|iPod)\b/.test(userAgent)) return 'iOS';
  if (/\bAndroid\b/.test(userAgent)) return 'Android';
  if (/\bWindows\b/.test(userAgent)) return 'Windows';
  if (/\bCrOS\b/.test(userAgent)) return 'ChromeOS';
  if (/\bMac OS X\b|\bMacintosh\b/.test(userAgent)) return 'macOS';
  if (/\bLinux\b|\bX11\b/.test(userAgent)) return 'Linux';
  return 'Other';
}

const READERS: [string, RegExp][] = [
  ['Feedly', /feedly/i],
  ['Inoreader', /inoreader/i],
  ['NewsBlur', /newsblur/i],
  ['Feedbin', /feedbin/i],
  ['The Old Reader', /theoldreader/i],
  ['Miniflux', /miniflux/i],
  ['FreshRSS', /freshrss/i],
  ['Tiny Tiny RSS', /tiny tiny rss|tt-rss/i],
  ['NetNewsWire', /netnewswire/i],
  ['Reeder', /reeder/i],
  ['Thunderbird', /thunderbird/i],
  ['BazQux', /bazqux/i],
  ['Feeder', /feeder\.co|\bfeeder\b/i],
  ['Newsboat', /newsboat/i],
  ['Readwise', /readwise/i],
];

/**
 * The feed reader a feed fetch came from, by the name its user agent gives, and the subscriber
 * count hosted readers add to it ("Feedly/1.0 (+http://…; 42 subscribers)").
 */
export function feedReader(userAgent: string | undefined): { reader: string; subscribers: number } {
  const agent = userAgent ?? '';
  const reader = READERS.find(([, pattern]) => pattern.test(agent))?.[0] ?? 'Other';
  const reported = /(\d{1,9})\s+(subscribers|readers)\b/i.exec(agent);
  return { reader, subscribers: reported ? Number(reported[1]) : 0 };
}

/**
 * What a beacon's path names: a post or page (looked up by its permalink, so a path that names
 * nothing is dropped), a listing counted in the day's total only, or nothing countable.
 */
export function beaconTarget(path: string): { kind: 'permalink'; permalink: string } | { kind: 'listing' } | null {
  if (path.length > 1024 || !path.startsWith('/')) return null;
  if (/^\/\d{4}\/\d{2}\/[^/]+\.html$/.test(path) || /^\/p\/[^/]+\.html$/.test(path)) return { kind: 'permalink', permalink: path };
  if (path === '/' || /^\/(\d{4}(\/\d{2})?|search(\/label(\/[^/]+)?)?|author\/[^/]+)\/?$/.test(path)) return { kind: 'listing' };
  return null;
}

/**
 * At most `limit` hits per address in each window, kept per worker: a script reloading a page
 * cannot inflate a post's count, while a household or office behind one address still counts.
 */
export class BurstLimiter {
  private counts = new Map<string, number>();
  private windowStart = 0;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly maxAddresses = 100_000,
  ) {}

  allow(address: string, now: number): boolean {
    if (now - this.windowStart >= this.windowMs) {
      this.counts.clear();
      this.windowStart = now;
    }
    const count = this.counts.get(address) ?? 0;
    if (count >= this.limit) return false;
    // A flood from more addresses than this in one window is not readers: memory stays bounded.
    if (count === 0 && this.counts.size >= this.maxAddresses) return false;
    this.counts.set(address, count + 1);
    return true;
  }
}

export type PageHit = {
  day: number;
  /** The post or page, or null for a listing (home, labels, archives, search). */
  postId: number | null;
  referrer: string | null;
  browser: string;
  os: string;
  visitor: number;
};

export type FeedFetch = { day: number; reader: string; subscribers: number };

/** What one flush writes: counts to add, visitors to insert once each. */
export type StatsBatch = {
  days: Map<number, number>;
  posts: Map<string, { day: number; postId: number; views: number }>;
  referrers: Map<string, { day: number; domain: string; views: number }>;
  agents: Map<string, { day: number; kind: 'browser' | 'os'; name: string; views: number }>;
  feeds: Map<string, { day: number; reader: string; fetches: number; subscribers: number }>;
  visitors: Map<string, { day: number; hash: number }>;
};

/** Hits gathered in memory between flushes, already reduced to counts. */
export class StatsCollector {
  private batch: StatsBatch = emptyBatch();
  private pending = 0;

  get size(): number {
    return this.pending;
  }

  addHit(hit: PageHit): void {
    const b = this.batch;
    this.pending++;
    b.days.set(hit.day, (b.days.get(hit.day) ?? 0) + 1);
    if (hit.postId !== null) bump(b.posts, `${hit.day}:${hit.postId}`, () => ({ day: hit.day, postId: hit.postId!, views: 0 }));
    if (hit.referrer !== null) bump(b.referrers, `${hit.day}:${hit.referrer}`, () => ({ day: hit.day, domain: hit.referrer!, views: 0 }));
    bump(b.agents, `${hit.day}:b:${hit.browser}`, () => ({ day: hit.day, kind: 'browser' as const, name: hit.browser, views: 0 }));
    bump(b.agents, `${hit.day}:o:${hit.os}`, () => ({ day: hit.day, kind: 'os' as const, name: hit.os, views: 0 }));
    b.visitors.set(`${hit.day}:${hit.visitor}`, { day: hit.day, hash: hit.visitor });
  }

  addFeedFetch(fetch: FeedFetch): void {
    this.pending++;
    const key = `${fetch.day}:${fetch.reader}`;
    const row = this.batch.feeds.get(key) ?? { day: fetch.day, reader: fetch.reader, fetches: 0, subscribers: 0 };
    row.fetches++;
    row.subscribers = Math.max(row.subscribers, fetch.subscribers);
    this.batch.feeds.set(key, row);
  }

  /** Everything gathered since the last call; the collector starts empty again. */
  take(): StatsBatch | null {
    if (this.pending === 0) return null;
    const taken = this.batch;
    this.batch = emptyBatch();
    this.pending = 0;
    return taken;
  }

  /** A batch whose write failed comes back, so a busy database loses nothing. */
  giveBack(batch: StatsBatch): void {
    const current = this.take();
    this.batch = batch;
    this.pending = 1;
    if (current) mergeBatch(this.batch, current);
  }
}

function bump<T extends { views: number }>(map: Map<string, T>, key: string, make: () => T) {
  let row = map.get(key);
  if (!row) map.set(key, (row = make()));
  row.views++;
}

function emptyBatch(): StatsBatch {
  return { days: new Map(), posts: new Map(), referrers: new Map(), agents: new Map(), feeds: new Map(), visitors: new Map() };
}

function mergeBatch(into: StatsBatch, from: StatsBatch) {
  for (const [day, views] of from.days) into.days.set(day, (into.days.get(day) ?? 0) + views);
  for (const name of ['posts', 'referrers', 'agents'] as const) {
    const target = into[name] as Map<string, { views: number }>;
    for (const [key, row] of from[name] as Map<string, { views: number }>) {
      const existing = target.get(key);
      if (existing) existing.views += row.views;
      else target.set(key, row);
    }
  }
  for (const [key, row] of from.feeds) {
    const existing = into.feeds.get(key);
    if (existing) {
      existing.fetches += row.fetches;
      existing.subscribers = Math.max(existing.subscribers, row.subscribers);
    } else into.feeds.set(key, row);
  }
  for (const [key, row] of from.visitors) into.visitors.set(key, row);
}
