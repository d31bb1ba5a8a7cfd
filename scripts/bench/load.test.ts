import { describe, expect, it } from 'vitest';
import { parseWrkOutput, wrkArgs, wrkMs } from './load';

// Printed by wrk 4.1.0 (Debian bookworm) with --latency.
const CLEAN = `Running 5s test @ http://127.0.0.1:3402/pages/0
  2 threads and 50 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     2.93ms    1.12ms  31.40ms   91.02%
    Req/Sec     8.71k   612.55     9.88k    72.00%
  Latency Distribution
     50%    2.78ms
     75%    3.05ms
     90%    3.61ms
     99%    7.20ms
  86690 requests in 5.00s, 20.12GB read
Requests/sec:  17335.91
Transfer/sec:      4.02GB
`;

const TROUBLED = `Running 5s test @ http://127.0.0.1:3400/
  2 threads and 50 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   310.52ms  402.11ms   1.98s    88.10%
    Req/Sec    90.12     40.33   210.00     66.00%
  Latency Distribution
     50%  182.40ms
     75%  301.00ms
     90%  702.11ms
     99%    1.91s
  912 requests in 5.02s, 211.70MB read
  Socket errors: connect 0, read 2, write 0, timeout 37
  Non-2xx or 3xx responses: 5
Requests/sec:    181.67
Transfer/sec:     42.17MB
`;

describe('wrkMs', () => {
  it('reads every unit wrk prints as milliseconds', () => {
    expect(wrkMs('850.00us')).toBeCloseTo(0.85);
    expect(wrkMs('2.78ms')).toBeCloseTo(2.78);
    expect(wrkMs('1.91s')).toBeCloseTo(1910);
    expect(wrkMs('1.50m')).toBeCloseTo(90_000);
    expect(wrkMs('soon')).toBeNaN();
  });
});

describe('parseWrkOutput', () => {
  it('reads requests, time, percentiles and no errors from a clean run', () => {
    const r = parseWrkOutput(CLEAN);
    expect(r.requests).toBe(86690);
    expect(r.seconds).toBeCloseTo(5);
    expect(r.rps).toBeCloseTo(17338, 0);
    expect(r.p50).toBeCloseTo(2.78);
    expect(r.p99).toBeCloseTo(7.2);
    expect(r.errors).toBe(0);
  });

  it('counts socket errors, timeouts and non-2xx answers as errors, and seconds-long percentiles', () => {
    const r = parseWrkOutput(TROUBLED);
    expect(r.p50).toBeCloseTo(182.4);
    expect(r.p99).toBeCloseTo(1910);
    expect(r.non2xx).toBe(5);
    expect(r.socketErrors).toBe(39);
    expect(r.errors).toBe(44);
    expect(r.rps).toBeCloseTo(912 / 5.02, 1);
  });

  it('refuses output with no summary instead of reporting zero requests as a result', () => {
    expect(() => parseWrkOutput('unable to connect to 127.0.0.1:3400 Connection refused\n')).toThrow(/unable to connect/);
  });
});

describe('wrkArgs', () => {
  it('waits 30 s for an answer: with wrk\'s default of 2 s a slow page\'s worst answers would be left out of p99', () => {
    const args = wrkArgs({ url: 'http://127.0.0.1:1/', connections: 50, seconds: 5 });
    expect(args[args.indexOf('--timeout') + 1]).toBe('30s');
  });

  it('runs two threads with latency percentiles, one thread for a single connection', () => {
    expect(wrkArgs({ url: 'http://127.0.0.1:1/', connections: 50, seconds: 5 })).toEqual([
      '-t', '2', '-c', '50', '-d', '5s', '--timeout', '30s', '--latency', 'http://127.0.0.1:1/',
    ]);
    expect(wrkArgs({ url: 'http://127.0.0.1:1/', connections: 1, seconds: 2 }).slice(0, 2)).toEqual(['-t', '1']);
  });
});
