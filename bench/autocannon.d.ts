/** The part of autocannon's API that bench/load.ts uses (the package ships no types). */
declare module 'autocannon' {
  namespace autocannon {
    type Options = {
      url: string;
      connections?: number;
      duration?: number;
      headers?: Record<string, string>;
      requests?: unknown[];
    };
    type Histogram = { average: number; p50: number; p99: number };
    type Result = { requests: Histogram; latency: Histogram; non2xx: number; errors: number; timeouts: number };
  }
  function autocannon(options: autocannon.Options): Promise<autocannon.Result>;
  export default autocannon;
}
