import { sql } from 'drizzle-orm';
import type { Db, Tx } from './client.js';

export const APP_ROLE = 'lotsennetz_app';

/**
 * Who a transaction acts for. `office` rows are visible only to that office (enforced by row-level
 * security); `system` is for sign-in, platform administration, the CLI and the seed.
 */
export type DbScope = { officeId: string } | 'system';

/**
 * The one place where isolation is set: every unit of work runs in a transaction under the
 * non-owner application role with the office bound for that transaction only.
 */
export async function inScope<T>(db: Db, scope: DbScope, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    const officeId = scope === 'system' ? '' : scope.officeId;
    const mode = scope === 'system' ? 'system' : 'office';
    // One round trip: set_config('role', …, true) is SET LOCAL ROLE, checked against membership like it.
    await tx.execute(
      sql`select set_config('app.office_id', ${officeId}, true), set_config('app.scope', ${mode}, true), set_config('role', ${APP_ROLE}, true)`,
    );
    return work(tx);
  });
}
