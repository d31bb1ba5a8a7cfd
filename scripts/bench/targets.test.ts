import { describe, expect, it } from 'vitest';
import { cacheLabel, evaluateTargets, formatTargetLine, median, summariseAlternation, type TargetInputs } from './targets';

const good: TargetInputs = {
  postHit: { connections: 50, answered: 'HIT', vsNginx: 0.35, p99: 20, cpuMsPerRequest: 0.2 },
  crawl: { pages: 1000, p50: 30, cpuMsPerPage: 12 },
  newSearch: { p50: 25 },
  growth: [{ connections: 50, post: 1.05, home: 1.2 }],
  rssPerWorkerMb: 180,
};

const byLabel = (inputs: TargetInputs, pattern: RegExp) => evaluateTargets(inputs).filter((l) => pattern.test(l.label));

describe('median', () => {
  it('is the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});

describe('summariseAlternation', () => {
  it('takes each ratio from the app and nginx of the same round, then the median', () => {
    const run = (rps: number) => ({ rps, p50: 1000 / rps, p99: 2000 / rps, cpuMsPerRequest: 1, requests: rps * 5, errors: 0 });
    // Machine noise halves everything in round 2: the per-round ratios stay 0.1.
    const s = summariseAlternation([
      { app: run(100), nginx: run(1000) },
      { app: run(50), nginx: run(500) },
    ]);
    expect(s.ratios).toEqual([0.1, 0.1]);
    expect(s.vsNginx).toBeCloseTo(0.1);
    expect(s.app.rps).toBe(75);
    expect(s.nginx.rps).toBe(750);
    expect(s.app.errors).toBe(0);
  });

  it('adds up the errors of every round rather than taking their median', () => {
    const run = (errors: number) => ({ rps: 10, p50: 1, p99: 2, cpuMsPerRequest: 1, requests: 50, errors });
    expect(summariseAlternation([{ app: run(0), nginx: run(0) }, { app: run(3), nginx: run(1) }]).app.errors).toBe(3);
  });
});

describe('cacheLabel', () => {
  it('reads X-Cache, and calls a response without it live', () => {
    expect(cacheLabel('HIT')).toBe('HIT');
    expect(cacheLabel('miss')).toBe('MISS');
    expect(cacheLabel(null)).toBe('live');
    expect(cacheLabel('')).toBe('live');
  });
});

describe('evaluateTargets', () => {
  it('passes every target of the issue with good figures', () => {
    const lines = evaluateTargets(good);
    expect(lines.length).toBe(9);
    expect(lines.filter((l) => !l.pass).map((l) => l.label)).toEqual([]);
  });

  it('names the number of posts the crawl really requested', () => {
    expect(byLabel({ ...good, crawl: { pages: 100, p50: 30, cpuMsPerPage: 12 } }, /crawl/)[0]!.label).toMatch(/\b100 old posts/);
  });

  it('holds the ratio to nginx at ≥ 0.1, with the stretch at 0.3 reported beside it', () => {
    const at = (vsNginx: number) => byLabel({ ...good, postHit: { ...good.postHit!, vsNginx } }, /nginx/)[0]!;
    expect(at(0.1).pass).toBe(true);
    expect(at(0.1).stretch?.pass).toBe(false);
    expect(at(0.099).pass).toBe(false);
    expect(at(0.3).stretch?.pass).toBe(true);
  });

  it('is strict where the issue says "under": p99 of exactly 50 ms misses', () => {
    expect(byLabel({ ...good, postHit: { ...good.postHit!, p99: 50 } }, /p99/)[0]!.pass).toBe(false);
    expect(byLabel({ ...good, postHit: { ...good.postHit!, cpuMsPerRequest: 0.31 } }, /CPU per hit/)[0]!.pass).toBe(false);
    expect(byLabel({ ...good, crawl: { pages: 1000, p50: 49, cpuMsPerPage: 20 } }, /crawl.*CPU/)[0]!.pass).toBe(false);
    expect(byLabel({ ...good, newSearch: { p50: 51 } }, /search/)[0]!.pass).toBe(false);
    expect(byLabel({ ...good, rssPerWorkerMb: 250 }, /RSS/)[0]!.pass).toBe(false);
  });

  it('allows the large blog up to 1.2× the small one, at every connection count', () => {
    const lines = byLabel({ ...good, growth: [{ connections: 10, post: 1.2, home: 1.1 }, { connections: 50, post: 1.21, home: 0.9 }] }, /100,000/);
    expect(lines.map((l) => l.pass)).toEqual([true, true, false, true]);
  });

  it('never prints a miss with a value that reads as the limit itself', () => {
    // 215.0 / 178.8 ms: just over 1.2×, which two decimals would print as "1.20×".
    const line = byLabel({ ...good, growth: [{ connections: 50, post: 1, home: 215.0 / 178.8 }] }, /home/)[0]!;
    expect(formatTargetLine(line)).toMatch(/^miss .*: 1\.202×/);
  });

  it('counts a figure that was not measured as a miss, and says why', () => {
    const lines = evaluateTargets({ ...good, crawl: undefined, newSearch: { p50: Number.NaN } });
    const crawl = lines.filter((l) => /crawl/.test(l.label));
    expect(crawl.map((l) => l.pass)).toEqual([false, false]);
    expect(formatTargetLine(crawl[0]!)).toMatch(/not measured/);
    expect(lines.find((l) => /search/.test(l.label))!.pass).toBe(false);
  });

  it('says when the post page was not answered from a page cache', () => {
    const line = byLabel({ ...good, postHit: { ...good.postHit!, answered: 'live' } }, /nginx/)[0]!;
    expect(formatTargetLine(line)).toMatch(/live/);
    expect(formatTargetLine(line)).toMatch(/^pass/);
    expect(formatTargetLine(byLabel({ ...good, rssPerWorkerMb: 300 }, /RSS/)[0]!)).toMatch(/^miss/);
  });
});
