import { describe, expect, it } from 'vitest';
import {
  beaconTarget,
  browserFamily,
  BurstLimiter,
  dayLabel,
  dayNumber,
  feedReader,
  notCountedBecause,
  osFamily,
  referrerDomain,
  referrerGroup,
  StatsCollector,
  visitorHash,
} from './stats';

const firefox = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';
const iphone = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
const edge = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0';
const android = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';
const quiet = { doNotTrack: undefined, globalPrivacyControl: undefined, signedIn: false };

describe('days', () => {
  it('are the calendar day in the blog’s zone, as whole days since 1970', () => {
    const at = new Date('2026-11-30T03:00:00Z');
    expect(dayLabel(dayNumber(at, 'UTC'))).toBe('2026-11-30');
    expect(dayLabel(dayNumber(at, 'America/New_York'))).toBe('2026-11-29');
    expect(dayNumber(new Date('1970-01-02T12:00:00Z'), 'UTC')).toBe(1);
  });
});

describe('who is counted', () => {
  it('leaves out crawlers, agents that give no name, signed-in authors and readers who ask not to be tracked', () => {
    expect(notCountedBecause({ ...quiet, userAgent: firefox })).toBeNull();
    expect(notCountedBecause({ ...quiet, userAgent: 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' })).toBe('robot');
    expect(notCountedBecause({ ...quiet, userAgent: undefined })).toBe('robot');
    expect(notCountedBecause({ ...quiet, userAgent: firefox, signedIn: true })).toBe('author');
    expect(notCountedBecause({ ...quiet, userAgent: firefox, doNotTrack: '1' })).toBe('do not track');
    expect(notCountedBecause({ ...quiet, userAgent: firefox, globalPrivacyControl: '1' })).toBe('do not track');
    expect(notCountedBecause({ ...quiet, userAgent: firefox, doNotTrack: '0' })).toBeNull();
  });
});

describe('visitorHash', () => {
  const key = Buffer.alloc(32, 1);
  it('is the same reader within a day and key, another number on another day or with another key', () => {
    const a = visitorHash(key, '203.0.113.9', firefox, 20_000);
    expect(visitorHash(key, '203.0.113.9', firefox, 20_000)).toBe(a);
    expect(visitorHash(key, '203.0.113.9', firefox, 20_001)).not.toBe(a);
    expect(visitorHash(Buffer.alloc(32, 2), '203.0.113.9', firefox, 20_000)).not.toBe(a);
    expect(visitorHash(key, '203.0.113.10', firefox, 20_000)).not.toBe(a);
    expect(Number.isSafeInteger(a)).toBe(true);
  });
});

describe('referrers', () => {
  it('keep only the site’s host name, and nothing for our own site or other schemes', () => {
    expect(referrerDomain('https://www.Google.com/search?q=secret+words', 'blog.example')).toBe('google.com');
    expect(referrerDomain('https://blog.example/2024/05/x.html', 'blog.example:443')).toBeNull();
    expect(referrerDomain('android-app://com.slack', null)).toBeNull();
    expect(referrerDomain('not a url', null)).toBeNull();
    expect(referrerDomain('', null)).toBeNull();
  });

  it('are grouped as Blogger groups them', () => {
    expect(referrerGroup('google.co.uk')).toBe('Search engines');
    expect(referrerGroup('duckduckgo.com')).toBe('Search engines');
    expect(referrerGroup('t.co')).toBe('Social sites');
    expect(referrerGroup('old.reddit.com')).toBe('Social sites');
    expect(referrerGroup('feedly.com')).toBe('Feed readers');
    expect(referrerGroup('someones-blog.net')).toBe('Other sites');
    expect(referrerGroup('notgoogle.com')).toBe('Other sites');
  });
});

describe('browser and system families', () => {
  it('name the family, never the version', () => {
    expect([browserFamily(firefox), osFamily(firefox)]).toEqual(['Firefox', 'Linux']);
    expect([browserFamily(iphone), osFamily(iphone)]).toEqual(['Safari', 'iOS']);
    expect([browserFamily(edge), osFamily(edge)]).toEqual(['Edge', 'Windows']);
    expect([browserFamily(android), osFamily(android)]).toEqual(['Chrome', 'Android']);
    expect([browserFamily('curl/8.0'), osFamily('curl/8.0')]).toEqual(['Other', 'Other']);
  });
});

describe('feedReader', () => {
  it('names the reader and reads the subscribers it reports', () => {
    expect(feedReader('Feedly/1.0 (+http://www.feedly.com/fetcher.html; 42 subscribers; )')).toEqual({ reader: 'Feedly', subscribers: 42 });
    expect(feedReader('NetNewsWire (RSS Reader; https://netnewswire.com/)')).toEqual({ reader: 'NetNewsWire', subscribers: 0 });
    expect(feedReader(undefined)).toEqual({ reader: 'Other', subscribers: 0 });
  });
});

describe('beaconTarget', () => {
  it('accepts post, page and listing paths only', () => {
    expect(beaconTarget('/2024/05/a-post.html')).toEqual({ kind: 'permalink', permalink: '/2024/05/a-post.html' });
    expect(beaconTarget('/p/about.html')).toEqual({ kind: 'permalink', permalink: '/p/about.html' });
    for (const listing of ['/', '/2024', '/2024/05', '/search', '/search/label/Travel', '/search/label', '/author/ann']) {
      expect(beaconTarget(listing), listing).toEqual({ kind: 'listing' });
    }
    for (const other of ['/admin', '/admin/stats', 'https://evil.example/', '/feeds/posts/default', '/x'.repeat(600), '']) {
      expect(beaconTarget(other), other).toBeNull();
    }
  });
});

describe('BurstLimiter', () => {
  it('caps hits per address in a window and starts again in the next', () => {
    const limiter = new BurstLimiter(3, 1000);
    expect([1, 2, 3, 4].map(() => limiter.allow('a', 0))).toEqual([true, true, true, false]);
    expect(limiter.allow('b', 10)).toBe(true);
    expect(limiter.allow('a', 1000)).toBe(true);
  });

  it('keeps its memory bounded under a flood from many addresses', () => {
    const limiter = new BurstLimiter(3, 1000, 2);
    expect([limiter.allow('a', 0), limiter.allow('b', 0), limiter.allow('c', 0)]).toEqual([true, true, false]);
  });
});

describe('StatsCollector', () => {
  const hit = { day: 20_000, postId: 7, referrer: 'google.com', browser: 'Firefox', os: 'Linux', visitor: 1 };
  it('reduces hits to counts, one visitor once', () => {
    const collector = new StatsCollector();
    collector.addHit(hit);
    collector.addHit({ ...hit, referrer: null });
    collector.addHit({ ...hit, postId: null, visitor: 2 });
    collector.addFeedFetch({ day: 20_000, reader: 'Feedly', subscribers: 40 });
    collector.addFeedFetch({ day: 20_000, reader: 'Feedly', subscribers: 42 });
    const batch = collector.take()!;
    expect(batch.days.get(20_000)).toBe(3);
    expect([...batch.posts.values()]).toEqual([{ day: 20_000, postId: 7, views: 2 }]);
    expect([...batch.referrers.values()]).toEqual([{ day: 20_000, domain: 'google.com', views: 2 }]);
    expect(batch.agents.get('20000:b:Firefox')?.views).toBe(3);
    expect(batch.visitors.size).toBe(2);
    expect([...batch.feeds.values()]).toEqual([{ day: 20_000, reader: 'Feedly', fetches: 2, subscribers: 42 }]);
    expect(collector.take()).toBeNull();
  });

  it('takes back a batch that could not be written, adding what came meanwhile', () => {
    const collector = new StatsCollector();
    collector.addHit(hit);
    const failed = collector.take()!;
    collector.addHit(hit);
    collector.giveBack(failed);
    expect(collector.take()!.posts.get('20000:7')?.views).toBe(2);
  });
});
