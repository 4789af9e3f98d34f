/**
 * The counting rule of the sign-in and reset throttle, pure so it can be unit-tested. The failures themselves live in
 * the database (`throttle_events`), so every server instance sees the same counts (modules/auth/throttle.ts).
 */
export type ThrottleRule = { limit: number; windowMs: number };

export const THROTTLE_WINDOW_MS = 15 * 60_000;

/**
 * Failed sign-ins are counted per account **and client address** (5), and per address across accounts (30: an
 * office behind one shared address is not locked out by a colleague's typos, while password spraying from one address
 * is stopped). There is deliberately no lock per account alone: then anyone, from anywhere, could lock any person out
 * of their account by typing five wrong passwords. Guessing one account from many addresses is bounded by the pair
 * limit per address, the 12-character minimum and argon2id; the owner, from their own address, always gets in.
 */
export const THROTTLE_RULES = {
  pair: { limit: 5, windowMs: THROTTLE_WINDOW_MS },
  address: { limit: 30, windowMs: THROTTLE_WINDOW_MS },
  /** Password-reset mails requested from one address (every request counts, not only failures). */
  reset: { limit: 5, windowMs: THROTTLE_WINDOW_MS },
} as const satisfies Record<string, ThrottleRule>;

export const LONGEST_THROTTLE_WINDOW_MS = Math.max(...Object.values(THROTTLE_RULES).map((r) => r.windowMs));

/**
 * Seconds until the next attempt is allowed, or 0 when it is allowed now. Blocked while `limit` or more events fall
 * within the window; allowed again once enough of them have aged out that fewer than `limit` remain.
 */
export function retryAfterSeconds(rule: ThrottleRule, events: readonly number[], now: number): number {
  const recent = events.filter((at) => now - at < rule.windowMs).sort((a, b) => a - b);
  if (recent.length < rule.limit) return 0;
  const agesOutLast = recent[recent.length - rule.limit];
  return Math.max(1, Math.ceil((agesOutLast + rule.windowMs - now) / 1000));
}
