import { purgeExpiredIdempotencyKeys } from '../server/plugins/idempotency.js';
import type { Services } from '../server/services.js';

/**
 * The daily retention job (docs/privacy/retention.md): applies every office's retention schedule as of `now`, and
 * forgets idempotency keys past their time to live (7 days, `IDEMPOTENCY_KEY_TTL_DAYS`).
 * The clock is a parameter so that tests run it on any day; the queue passes the context's clock.
 */
export async function applyRetention(
  services: Pick<Services, 'retention' | 'ctx'>,
  now: Date,
  only?: { officeIds: string[] },
) {
  const result = await services.retention.applySchedule(now, only);
  await purgeExpiredIdempotencyKeys(services.ctx.database.db, now);
  return result;
}
