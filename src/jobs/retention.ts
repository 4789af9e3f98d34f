import type { Services } from '../server/services.js';

/**
 * The daily retention job (docs/privacy/retention.md): applies every office's retention schedule as of `now`.
 * The clock is a parameter so that tests run it on any day; the queue passes the context's clock.
 */
export function applyRetention(services: Pick<Services, 'retention'>, now: Date, only?: { officeIds: string[] }) {
  return services.retention.applySchedule(now, only);
}
