import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Database, openDatabase } from '../../src/db/client.js';
import { isUniqueViolation } from '../../src/db/errors.js';
import { inScope } from '../../src/db/scope.js';

/** The embedded database in its worker thread (ADR 0008), as the server opens it. */
describe.skipIf(Boolean(inject('testDatabaseUrl')))('PGlite in a worker thread', () => {
  let database: Database;

  beforeAll(async () => {
    database = await openDatabase({
      memory: true,
      worker: true,
      pgliteLoadDataDir: new Blob([readFileSync(inject('pgliteTemplate'))]),
    });
    await database.exec('create table worker_probe (id int primary key, note text)');
  });
  afterAll(() => database?.close());

  it('binds the application role and the scope for the transaction only', async () => {
    const inside = await inScope(database.db, { officeId: '00000000-0000-4000-8000-000000000001' }, (tx) =>
      tx.execute(sql`select current_user as role, current_setting('app.office_id', true) as office`),
    );
    expect((inside as { rows: unknown[] }).rows[0]).toEqual({
      role: 'lotsennetz_app',
      office: '00000000-0000-4000-8000-000000000001',
    });
    const after = await database.rows<{ role: string; office: string | null }>(
      `select current_user as role, current_setting('app.office_id', true) as office`,
    );
    expect(after[0].role).not.toBe('lotsennetz_app');
    expect(after[0].office ?? '').toBe('');
  });

  it('keeps PostgreSQL error fields across the thread boundary', async () => {
    await database.db.execute(sql`insert into worker_probe values (1, 'first')`);
    const error = await database.db.execute(sql`insert into worker_probe values (1, 'again')`).catch((e) => e);
    expect(isUniqueViolation(error)).toBe(true);
    expect((error as { cause: { constraint: string } }).cause.constraint).toBe('worker_probe_pkey');
    // The parameters (personal data in real tables) stay in the database thread.
    expect((error as { cause: Record<string, unknown> }).cause.params).toBeUndefined();
  });

  it('rolls a failed transaction back, savepoints included', async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await tx.execute(sql`insert into worker_probe values (2, 'kept only if committed')`);
        throw new Error('abandoned');
      }),
    ).rejects.toThrow('abandoned');
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`insert into worker_probe values (3, 'outer')`);
      await tx
        .transaction(async (inner) => {
          await inner.execute(sql`insert into worker_probe values (4, 'inner')`);
          throw new Error('inner fails');
        })
        .catch(() => {});
    });
    const ids = await database.rows<{ id: number }>('select id from worker_probe order by id');
    expect(ids.map((r) => r.id)).toEqual([1, 3]);
  });

  it('queues concurrent transactions on the single connection', async () => {
    const counts = await Promise.all(
      [10, 11, 12, 13].map((id) =>
        database.db.transaction(async (tx) => {
          const before = await tx.execute(sql`select count(*)::int as n from worker_probe where id >= 10`);
          await tx.execute(sql`insert into worker_probe values (${id}, 'concurrent')`);
          return (before as { rows: { n: number }[] }).rows[0].n;
        }),
      ),
    );
    // Serialized: each transaction saw the ones before it, never a half-finished neighbour.
    expect([...counts].sort()).toEqual([0, 1, 2, 3]);
  });

  it('leaves the HTTP thread free while a long query runs', async () => {
    let finished = false;
    let turns = 0;
    const query = database.rows('select count(*) from generate_series(1, 1000000)').then(() => {
      finished = true;
    });
    await new Promise<void>((resolve) => {
      const turn = () => {
        if (finished) return resolve();
        turns++;
        setImmediate(turn);
      };
      turn();
    });
    await query;
    // In-process PGlite runs the query inside one turn of the event loop; here the loop keeps turning.
    expect(turns).toBeGreaterThan(100);
  });

  it('dumps its data directory for a copy', async () => {
    const dump = await database.dumpDataDir?.();
    expect(dump?.size).toBeGreaterThan(100_000);
  });
});
