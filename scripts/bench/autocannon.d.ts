// autocannon ships no types; this covers the part of its API the bench uses.
declare module 'autocannon' {
  type Options = { url: string; connections: number; duration: number; headers?: Record<string, string>; timeout?: number };
  type Histogram = { average: number; p50: number; p99: number; total: number };
  type Result = { latency: Histogram; requests: Histogram; duration: number; errors: number; timeouts: number; non2xx: number; start: Date; finish: Date };
  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}
