/**
 * The V8 flags each cluster worker starts with. V8 sizes its heap to the machine (GBs here) and
 * collects lazily, so a worker that rendered a thousand distinct pages held 380 MB although its
 * live objects were ~45 MB. A cap makes it collect sooner; the page cache lives outside this heap
 * (Buffers), so PAGE_CACHE_MB is not squeezed. Young-generation spaces of 8 MB instead of 16 trim
 * another ~18 MB. A flag the operator already gave (NODE_OPTIONS or the command line) is kept.
 */
export function workerHeapFlags({
  heapMegabytes,
  nodeOptions = '',
  execArgv,
}: {
  heapMegabytes: number;
  nodeOptions?: string;
  execArgv: readonly string[];
}): string[] {
  const given = `${nodeOptions} ${execArgv.join(' ')}`;
  const ours: [RegExp, string][] = [
    [/--max-old-space-size\b/, `--max-old-space-size=${heapMegabytes}`],
    [/--max-semi-space-size\b/, '--max-semi-space-size=8'],
  ];
  return [...ours.filter(([name]) => !name.test(given)).map(([, flag]) => flag), ...execArgv];
}
