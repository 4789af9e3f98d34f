/**
 * Failed-login throttle: a fixed number of failures per key within a window, then 429 until the window passes.
 * Pure and clock-injected so it can be unit-tested; the server keeps one instance per process.
 */
export class LoginThrottle {
  private failures = new Map<string, number[]>();

  constructor(
    private readonly maxFailures = 5,
    private readonly windowMs = 15 * 60_000,
  ) {}

  private recent(key: string, now: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  /** Seconds until the next attempt is allowed, or 0 when allowed now. */
  retryAfterSeconds(key: string, now = Date.now()): number {
    const list = this.recent(key, now);
    if (list.length < this.maxFailures) return 0;
    return Math.ceil((list[0] + this.windowMs - now) / 1000);
  }

  recordFailure(key: string, now = Date.now()): void {
    this.recent(key, now);
    this.failures.set(key, [...(this.failures.get(key) ?? []), now]);
  }

  reset(key: string): void {
    this.failures.delete(key);
  }
}
