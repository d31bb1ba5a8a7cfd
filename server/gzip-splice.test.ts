import { randomBytes } from 'node:crypto';
import { crc32, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { SplicedGzip, crcCombine, crcShift } from './gzip-splice';

describe('crcCombine', () => {
  it('gives the CRC-32 of two buffers joined, for lengths from 0 to large', () => {
    for (const [a, b] of [
      [0, 0],
      [1, 1],
      [5, 0],
      [0, 7],
      [13, 24],
      [1000, 36],
      [240_000, 17],
    ] as const) {
      const left = randomBytes(a);
      const right = randomBytes(b);
      expect(crcCombine(crc32(left), crc32(right), crcShift(b))).toBe(crc32(Buffer.concat([left, right])));
    }
  });
});

describe('SplicedGzip', () => {
  it('assembles a gzip body that gunzips to the runs with each reader’s values between them', () => {
    const html = Buffer.from('<html><body>' + 'Some words that repeat. '.repeat(2000) + '<input value="');
    const runs = [html, Buffer.from('"/><script>self.push(["'), Buffer.from('"])</script></body></html>')];
    const body = new SplicedGzip(runs);
    for (const values of [
      ['AAAAAAAAAAAAAAAAAAAAAAAA', '1764480000000.abcdefghijklmnopqrstuv'],
      ['BBBBBBBBBBBBBBBBBBBBBBBB', '1764480000001.zyxwvutsrqponmlkjihgfe'],
    ]) {
      const gz = Buffer.concat(body.assemble(values.map((v) => Buffer.from(v))));
      expect(gunzipSync(gz).toString()).toBe(`${runs[0]}${values[0]}${runs[1]}${values[1]}${runs[2]}`);
    }
    // The fixed runs are compressed: far smaller than the page.
    expect(body.compressedBytes).toBeLessThan(html.length / 10);
  });

  it('handles values at the very start and end and runs that are empty', () => {
    const body = new SplicedGzip([Buffer.alloc(0), Buffer.from('middle'), Buffer.alloc(0)]);
    const gz = Buffer.concat(body.assemble([Buffer.from('first'), Buffer.from('last')]));
    expect(gunzipSync(gz).toString()).toBe('firstmiddlelast');
  });
});
