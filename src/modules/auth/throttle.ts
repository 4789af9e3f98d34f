import { createHash } from 'node:crypto';
import { and, gt, inArray, like, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { throttleEvents } from '../../db/schema/index.js';
import { inScope } from '../../db/scope.js';
import { LONGEST_THROTTLE_WINDOW_MS, retryAfterSeconds, type ThrottleRule } from '../../domain/loginThrottle.js';

const digest = (value: string) => createHash('sha256').update(`lotsennetz-throttle:${value}`).digest('hex');

/**
 * Throttle keys. Only hashes are stored, so the table names no e-mail address or client address in the clear. A pair
 * key starts with the account's hash, so a successful reset can lift every lock of that account at once.
 */
export const throttleKey = {
  pair: (email: string, address: string) => `pair:${digest(email.toLowerCase())}:${digest(address)}`,
  account: (email: string) => `pair:${digest(email.toLowerCase())}:`,
  address: (address: string) => `address:${digest(address)}`,
  reset: (address: string) => `reset:${digest(address)}`,
  /** Public forms throttled per client address: applications, certificate checks, directory look-ups. */
  applicant: (address: string) => `applicant:${digest(address)}`,
  /** The public "ask for help" form. */
  helpRequest: (address: string) => `help-request:${digest(address)}`,
  certificateVerify: (address: string) => `certificate-verify:${digest(address)}`,
  directoryMiss: (address: string) => `directory-miss:${digest(address)}`,
};

type Check = { key: string; rule: ThrottleRule };

/** The shared throttle: events in `throttle_events`, counted with the pure rule from the domain. */
export class Throttle {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {}

  /** Seconds until every one of the checks allows another attempt (0: allowed now). */
  async retryAfter(checks: Check[]): Promise<number> {
    const now = this.now();
    const since = new Date(now.getTime() - Math.max(...checks.map((c) => c.rule.windowMs)));
    const rows = await inScope(this.db, 'system', (tx) =>
      tx
        .select({ key: throttleEvents.keyHash, at: throttleEvents.at })
        .from(throttleEvents)
        .where(
          and(
            inArray(
              throttleEvents.keyHash,
              checks.map((c) => c.key),
            ),
            gt(throttleEvents.at, since),
          ),
        ),
    );
    return Math.max(
      0,
      ...checks.map(({ key, rule }) =>
        retryAfterSeconds(
          rule,
          rows.filter((r) => r.key === key).map((r) => r.at.getTime()),
          now.getTime(),
        ),
      ),
    );
  }

  /**
   * Records one event under each key, and deletes old events on the way (no separate job needed). "Old" by the
   * injected clock and by the database's: a clock moved ahead in a test never prunes another caller's fresh events.
   */
  async record(keys: string[]): Promise<void> {
    const at = this.now();
    const cutoff = new Date(at.getTime() - LONGEST_THROTTLE_WINDOW_MS);
    await inScope(this.db, 'system', async (tx) => {
      await tx.insert(throttleEvents).values(keys.map((keyHash) => ({ keyHash, at })));
      await tx
        .delete(throttleEvents)
        .where(
          and(
            lt(throttleEvents.at, cutoff),
            lt(throttleEvents.at, sql`now() - make_interval(secs => ${LONGEST_THROTTLE_WINDOW_MS / 1000})`),
          ),
        );
    });
  }

  /** Forgets the events of keys; a key ending in ':' (see `throttleKey.account`) forgets every key it starts. */
  async clear(keys: string[]): Promise<void> {
    await inScope(this.db, 'system', async (tx) => {
      for (const key of keys) {
        await tx
          .delete(throttleEvents)
          .where(key.endsWith(':') ? like(throttleEvents.keyHash, `${key}%`) : inArray(throttleEvents.keyHash, [key]));
      }
    });
  }
}
