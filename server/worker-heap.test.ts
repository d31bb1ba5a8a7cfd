import { describe, expect, it } from 'vitest';
import { workerHeapFlags } from './worker-heap';

describe('workerHeapFlags', () => {
  it('caps the heap and the young generation by default, keeping other flags', () => {
    expect(workerHeapFlags({ heapMegabytes: 128, execArgv: ['--enable-source-maps'] })).toEqual([
      '--max-old-space-size=128',
      '--max-semi-space-size=8',
      '--enable-source-maps',
    ]);
  });

  it('leaves a size the operator chose in NODE_OPTIONS or on the command line alone', () => {
    expect(workerHeapFlags({ heapMegabytes: 128, nodeOptions: '--max-old-space-size=512', execArgv: [] })).toEqual([
      '--max-semi-space-size=8',
    ]);
    expect(workerHeapFlags({ heapMegabytes: 64, execArgv: ['--max-semi-space-size=32'] })).toEqual([
      '--max-old-space-size=64',
      '--max-semi-space-size=32',
    ]);
  });
});
