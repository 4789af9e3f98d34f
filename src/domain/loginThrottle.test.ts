import { describe, expect, it } from 'vitest';
import { LoginThrottle } from './loginThrottle.js';

describe('login throttle', () => {
  it('allows attempts until the limit of failures within the window', () => {
    const throttle = new LoginThrottle(3, 60_000);
    for (let i = 0; i < 2; i++) throttle.recordFailure('a', 1000 + i);
    expect(throttle.retryAfterSeconds('a', 2000)).toBe(0);
    throttle.recordFailure('a', 2000);
    expect(throttle.retryAfterSeconds('a', 2000)).toBe(59);
  });

  it('lets failures age out of the window', () => {
    const throttle = new LoginThrottle(2, 10_000);
    throttle.recordFailure('a', 0);
    throttle.recordFailure('a', 1000);
    expect(throttle.retryAfterSeconds('a', 5000)).toBeGreaterThan(0);
    expect(throttle.retryAfterSeconds('a', 10_001)).toBe(0);
  });

  it('keeps keys apart and forgets a key on reset', () => {
    const throttle = new LoginThrottle(1, 10_000);
    throttle.recordFailure('a', 0);
    expect(throttle.retryAfterSeconds('b', 1)).toBe(0);
    throttle.reset('a');
    expect(throttle.retryAfterSeconds('a', 1)).toBe(0);
  });
});
