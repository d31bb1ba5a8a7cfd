import { describe, expect, it } from 'vitest';
import { sampleTreeMemory } from './processes';

describe('sampleTreeMemory', () => {
  it('records each process of the tree and the peak so far at every named point, in order', async () => {
    const sampler = sampleTreeMemory(process.pid, 20);
    sampler.mark('before');
    // Hold ~64 MB so the second point's peak is visibly higher than the first.
    const held = Buffer.alloc(64 * 2 ** 20, 1);
    await new Promise((r) => setTimeout(r, 100));
    sampler.mark('after');
    const memory = sampler.stop();
    expect(held[0]).toBe(1);
    expect(memory.perProcess.map((p) => p.pid)).toContain(process.pid);
    expect(memory.marks.map((m) => m.label)).toEqual(['before', 'after']);
    expect(memory.marks[1]!.peakTogetherMb).toBeGreaterThan(memory.marks[0]!.peakTogetherMb + 32);
    expect(memory.peakTogetherMb).toBeGreaterThanOrEqual(memory.marks[1]!.peakTogetherMb);
  });
});
