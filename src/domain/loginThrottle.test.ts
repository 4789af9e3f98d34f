import { describe, expect, it } from 'vitest';
import { retryAfterSeconds, THROTTLE_RULES } from './loginThrottle.js';

const rule = { limit: 3, windowMs: 60_000 };

describe('login throttle rule', () => {
  it('allows attempts until the limit of events within the window', () => {
    expect(retryAfterSeconds(rule, [], 2000)).toBe(0);
    expect(retryAfterSeconds(rule, [1000, 1001], 2000)).toBe(0);
    expect(retryAfterSeconds(rule, [1000, 1001, 2000], 2000)).toBe(59);
  });

  it('lets events age out of the window', () => {
    const two = { limit: 2, windowMs: 10_000 };
    expect(retryAfterSeconds(two, [0, 1000], 5000)).toBe(5);
    expect(retryAfterSeconds(two, [0, 1000], 10_000)).toBe(0);
  });

  it('waits until enough events have aged out when there are more than the limit (concurrent attempts)', () => {
    // Five events, limit three: allowed again once the third-newest (at 3000) is older than the window.
    expect(retryAfterSeconds(rule, [5000, 1000, 3000, 2000, 4000], 5000)).toBe(58);
    expect(retryAfterSeconds(rule, [5000, 1000, 3000, 2000, 4000], 63_000)).toBe(0);
  });

  it('never answers a wait of 0 seconds while blocked', () => {
    expect(retryAfterSeconds(rule, [0, 0, 0], 59_999)).toBe(1);
  });

  it('locks a pair of account and address after 5, an address after 30, reset requests after 5 per 15 minutes', () => {
    expect(THROTTLE_RULES.pair).toEqual({ limit: 5, windowMs: 15 * 60_000 });
    expect(THROTTLE_RULES.address).toEqual({ limit: 30, windowMs: 15 * 60_000 });
    expect(THROTTLE_RULES.reset).toEqual({ limit: 5, windowMs: 15 * 60_000 });
  });
});
