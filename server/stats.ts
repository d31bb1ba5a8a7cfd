import 'server-only';
import { randomBytes } from 'node:crypto';
import cluster, { type Cluster } from 'node:cluster';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getSettings } from '@/db/settings';
import { findCountablePostId, forgetStatsVisitorsBefore, writeStatsBatch, type PopularByViews } from '@/db/stats';
import { clientIp } from '@/lib/comments/moderation';
import { SESSION_COOKIE } from '@/lib/reading/page-cache';
import { popularSince, type PopularGadget } from '@/lib/reading/popular-gadget';
import { crossOriginRefusal } from '@/lib/http/same-origin';
import { SECURITY_HEADERS } from '@/lib/http/security-policy';
import {
  BEACON_PATH,
  beaconTarget,
  browserFamily,
  BurstLimiter,
  dayNumber,
  feedReader,
  MAX_BEACON_BYTES,
  notCountedBecause,
  osFamily,
  referrerDomain,
  StatsCollector,
  visitorHash,
} from '@/lib/stats/stats';

/**
 * Page views and feed fetches, counted by the front server (server.ts) before Next: a beacon
 * costs a lookup and a few map updates, never a render or a write. Each worker gathers its own
 * counts and adds them to the database every STATS_FLUSH_MS in one transaction (db/stats.ts), so
 * a flood of beacons turns into one write per interval and cannot slow reads.
 *
 * Unique visitors need one key per day shared by every worker (the same reader may reach any of
 * them): the cluster's primary makes a random one for each day and hands it out over the cluster's
 * IPC channel (serveVisitorKeys). It lives in memory only; a restart makes a new one.
 */

// A reader opening pages in several tabs, a household or an office behind one address: all
// count; a script replaying beacons stops counting after this many a minute.
const BURST_LIMIT = 60;
const BURST_WINDOW_MS = 60_000;
// Hits waiting for the day's key (only in the moment a new day's key is being fetched).
const MAX_WAITING = 10_000;

type KeyMessage = { blogsteadStatsKey: number; key?: string };

const isKeyMessage = (message: unknown): message is KeyMessage =>
  typeof message === 'object' && message !== null && typeof (message as KeyMessage).blogsteadStatsKey === 'number';

/** In the cluster's primary: answers each worker's request for a day's visitor key. */
export function serveVisitorKeys(cluster: Cluster): void {
  const keys = new Map<number, string>();
  cluster.on('message', (worker, message: unknown) => {
    if (!isKeyMessage(message) || message.key !== undefined) return;
    const day = message.blogsteadStatsKey;
    let key = keys.get(day);
    if (!key) {
      keys.set(day, (key = randomBytes(32).toString('base64')));
      // Only today's and yesterday's (a request in flight at midnight) are kept.
      for (const known of keys.keys()) if (known < day - 1) keys.delete(known);
    }
    worker.send({ blogsteadStatsKey: day, key } satisfies KeyMessage);
  });
}

export type StatsOptions = { flushMs: number; enabled: boolean };

type Waiting = { day: number; address: string; userAgent: string; postId: number | null; referrer: string | null };

export class StatsCounter {
  private readonly collector = new StatsCollector();
  private readonly limiter = new BurstLimiter(BURST_LIMIT, BURST_WINDOW_MS);
  private readonly keys = new Map<number, Buffer>();
  private readonly asked = new Set<number>();
  private waiting: Waiting[] = [];
  private timeZone = 'UTC';
  private popular: PopularGadget | null = null;
  private readonly timer: NodeJS.Timeout | null;

  constructor(private readonly options: StatsOptions) {
    this.timer = options.enabled ? setInterval(() => void this.flush(), options.flushMs) : null;
    this.timer?.unref();
    // Only a cluster worker has a primary to ask; a process started any other way (WORKERS=1,
    // or forked by a supervisor, which also gives it process.send) makes its own keys.
    if (cluster.isWorker) process.on('message', (message: unknown) => this.receiveKey(message));
  }

  /** Reads the blog's time zone and Popular Posts options; again at every flush. */
  async start(): Promise<void> {
    await this.readSettings();
  }

  /** Writes what is gathered; at stop, nothing counted is left behind. */
  async flush(): Promise<void> {
    await this.readSettings();
    const today = dayNumber(new Date(), this.timeZone);
    const batch = this.collector.take();
    try {
      if (batch) await writeStatsBatch({ batch, today, popular: this.popularByViews(today) });
      // A quiet blog may write nothing for days: yesterday's visitors are forgotten all the same
      // (one indexed delete that finds nothing on most flushes).
      else await forgetStatsVisitorsBefore(today);
    } catch (error) {
      if (!batch) return console.error('stats: could not forget the last day’s visitors:', (error as Error).message);
      // A database busy past its timeout: the counts wait for the next flush.
      console.error('stats: could not write counts; keeping them for the next try:', (error as Error).message);
      this.collector.giveBack(batch);
    }
  }

  close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    return this.flush();
  }

  /** POST /api/stats/hit from a page's beacon: counted or not, answered at once. */
  async serveBeacon(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // What the page's beacon needs no answer to (a page view that is not counted) is still a
    // 204, so a browser's console shows no error; X-Stats says why, for people and tests.
    const answer = (status: number, message?: string) => {
      const headers: [string, string][] = [['cache-control', 'no-store'], ...SECURITY_HEADERS.map(({ key, value }): [string, string] => [key, value])];
      if (status === 204) headers.push(['x-stats', message ?? 'counted']);
      if (status === 204) message = undefined;
      if (message) headers.push(['content-type', 'text/plain; charset=utf-8']);
      if (status === 405) headers.push(['allow', 'POST']);
      res.writeHead(status, headers.flat());
      res.end(message);
    };
    if (req.method !== 'POST') return answer(405, 'Send page views with POST.');
    const refusal = crossOriginRefusal(new Headers(plainHeaders(req)));
    if (refusal) return answer(403, refusal);
    const body = await readSmallBody(req, MAX_BEACON_BYTES);
    if (body === null) return answer(413, 'A page view is a path and a referrer, at most 2 KB.');
    const form = new URLSearchParams(body);
    const path = form.get('p');
    const target = path === null ? null : beaconTarget(path);
    if (!target) return answer(400, 'A page view needs the path of a reader page (p=/2024/05/post.html).');
    if (!this.options.enabled) return answer(204, 'not counted: counting is off');
    const userAgent = header(req, 'user-agent');
    const cookies = (header(req, 'cookie') ?? '').split(';').map((c) => c.split('=', 1)[0]!.trim());
    const skipped = notCountedBecause({
      userAgent,
      doNotTrack: header(req, 'dnt'),
      globalPrivacyControl: header(req, 'sec-gpc'),
      signedIn: cookies.some((name) => SESSION_COOKIE.test(name)),
    });
    if (skipped) return answer(204, `not counted: ${skipped}`);
    const now = new Date();
    let postId: number | null = null;
    if (target.kind === 'permalink') {
      postId = findCountablePostId({ permalink: target.permalink, now });
      if (postId === null) return answer(204, 'not counted: no page is published at that path');
    }
    // After the trusted-proxy step (server.ts), the client's own address.
    const address = clientIp(header(req, 'x-forwarded-for') ?? null);
    if (!this.limiter.allow(address, now.getTime())) return answer(204, 'not counted: too many page views from this address this minute');
    this.count({
      day: dayNumber(now, this.timeZone),
      address,
      userAgent: userAgent!,
      postId,
      referrer: referrerDomain(form.get('r'), header(req, 'x-forwarded-host')?.split(',')[0]?.trim() ?? header(req, 'host') ?? null),
    });
    answer(204);
  }

  /** A GET or HEAD of a feed, whoever asked (feed readers are robots too): counted by reader application. */
  countFeedFetch(req: IncomingMessage): void {
    if (!this.options.enabled) return;
    const { reader, subscribers } = feedReader(header(req, 'user-agent'));
    this.collector.addFeedFetch({ day: dayNumber(new Date(), this.timeZone), reader, subscribers });
  }

  private count(hit: Waiting) {
    const key = this.keyFor(hit.day);
    if (!key) {
      if (this.waiting.length < MAX_WAITING) this.waiting.push(hit);
      return;
    }
    this.collector.addHit({
      day: hit.day,
      postId: hit.postId,
      referrer: hit.referrer,
      browser: browserFamily(hit.userAgent),
      os: osFamily(hit.userAgent),
      visitor: visitorHash(key, hit.address, hit.userAgent, hit.day),
    });
  }

  private keyFor(day: number): Buffer | null {
    const known = this.keys.get(day);
    if (known) return known;
    if (!cluster.isWorker || !process.send) {
      this.setKey(day, randomBytes(32));
      return this.keys.get(day)!;
    }
    if (!this.asked.has(day)) {
      this.asked.add(day);
      process.send({ blogsteadStatsKey: day } satisfies KeyMessage);
    }
    return null;
  }

  private receiveKey(message: unknown) {
    if (!isKeyMessage(message) || message.key === undefined) return;
    this.setKey(message.blogsteadStatsKey, Buffer.from(message.key, 'base64'));
    const waiting = this.waiting;
    this.waiting = [];
    for (const hit of waiting) this.count(hit);
  }

  private setKey(day: number, key: Buffer) {
    this.keys.set(day, key);
    for (const known of this.keys.keys()) if (known < day - 1) this.keys.delete(known);
    for (const known of this.asked) if (known < day - 1) this.asked.delete(known);
  }

  private async readSettings() {
    try {
      const settings = await getSettings();
      this.timeZone = settings.timezone;
      this.popular = settings.gadgets.includes('popular') ? settings.popularGadget : null;
    } catch (error) {
      console.error('stats: could not read the settings:', (error as Error).message);
    }
  }

  private popularByViews(today: number): PopularByViews | null {
    const gadget = this.popular;
    if (!gadget || gadget.rankBy !== 'views') return null;
    return { since: popularSince(gadget.period, today), limit: gadget.count };
  }
}

export function isStatsBeacon(req: IncomingMessage): boolean {
  const url = req.url ?? '';
  return url === BEACON_PATH || url.startsWith(`${BEACON_PATH}?`);
}

export function isFeedFetch(req: IncomingMessage): boolean {
  return (req.method === 'GET' || req.method === 'HEAD') && (req.url ?? '').startsWith('/feeds/');
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

function plainHeaders(req: IncomingMessage): [string, string][] {
  return Object.entries(req.headers).flatMap(([name, value]) => (value === undefined ? [] : [[name, Array.isArray(value) ? value.join(', ') : value]]));
}

/** The body as text, or null when it is longer than `limit` bytes (the rest is not read). */
function readSmallBody(req: IncomingMessage, limit: number): Promise<string | null> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) {
    req.resume();
    return Promise.resolve(null);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(size > limit ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
