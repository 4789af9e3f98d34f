import { sql } from 'drizzle-orm';
import { NodePgSession, NodePgTransaction } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Db, Tx } from './client.js';

export const APP_ROLE = 'lotsennetz_app';

/**
 * Who a transaction acts for. `office` rows are visible only to that office (enforced by row-level
 * security); `system` is for sign-in, platform administration, the CLI and the seed.
 */
export type DbScope = { officeId: string } | 'system';

type PoolSession = InstanceType<typeof NodePgSession>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The one place where isolation is set: every unit of work runs in a transaction under the
 * non-owner application role with the office bound for that transaction only.
 */
export async function inScope<T>(db: Db, scope: DbScope, work: (tx: Tx) => Promise<T>): Promise<T> {
  const officeId = scope === 'system' ? '' : scope.officeId;
  const mode = scope === 'system' ? 'system' : 'office';
  const session = (db as unknown as { session: unknown }).session;
  if (session instanceof NodePgSession && (session as unknown as { client: unknown }).client instanceof pg.Pool)
    return inScopeOnPool(session as PoolSession, officeId, mode, work);
  return db.transaction(async (tx) => {
    // One round trip: set_config('role', …, true) is SET LOCAL ROLE, checked against membership like it.
    await tx.execute(
      sql`select set_config('app.office_id', ${officeId}, true), set_config('app.scope', ${mode}, true), set_config('role', ${APP_ROLE}, true)`,
    );
    return work(tx);
  });
}

/**
 * PostgreSQL: BEGIN and the scope in one simple-protocol message (several statements, no parameters), so a request's
 * unit of work costs one round trip less than Drizzle's own `transaction` (BEGIN, then the settings). The values are
 * ours, not user input: a UUID checked here, two fixed words and the role's name. The transaction object is Drizzle's
 * own, on the connection taken here, exactly as Drizzle's pool transaction builds it (savepoints work as before).
 */
async function inScopeOnPool<T>(
  session: PoolSession,
  officeId: string,
  mode: 'system' | 'office',
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  if (officeId !== '' && !UUID.test(officeId)) throw new Error('inScope: the office id is not a UUID');
  const internals = session as unknown as {
    client: pg.Pool;
    dialect: ConstructorParameters<typeof NodePgSession>[1];
    schema: ConstructorParameters<typeof NodePgSession>[2];
    options: ConstructorParameters<typeof NodePgSession>[3];
  };
  const client = await internals.client.connect();
  const bound = new NodePgSession(client, internals.dialect, internals.schema, internals.options);
  const tx = new NodePgTransaction(internals.dialect, bound, internals.schema) as unknown as Tx;
  let broken: Error | undefined;
  try {
    await client.query(
      `begin; select set_config('app.office_id', '${officeId}', true), set_config('app.scope', '${mode}', true), set_config('role', '${APP_ROLE}', true)`,
    );
    const result = await work(tx);
    await client.query('commit');
    return result;
  } catch (error) {
    try {
      await client.query('rollback');
    } catch (rollbackError) {
      // The connection is unusable: the pool drops it instead of handing it out again.
      broken = rollbackError as Error;
    }
    throw error;
  } finally {
    client.release(broken);
  }
}
