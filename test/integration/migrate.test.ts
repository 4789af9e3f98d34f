/**
 * The migration runner on a restart: with no new migration and unchanged security SQL it skips the set-up (row-level
 * security and guards), and it re-applies it when either changed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/db/client.js';
import { migrate } from '../../src/db/migrate.js';

let database: Database;
const policies = async () =>
  (
    await database.rows<{ n: number }>(
      `select count(*)::int as n from pg_policies where tablename = 'guides' and policyname = 'office_isolation'`,
    )
  )[0].n;

beforeAll(async () => {
  database = await openDatabase({ memory: true });
});
afterAll(() => database.close());

describe('migrate on a restart', () => {
  it('applies every migration and the set-up on a new database', async () => {
    expect((await migrate(database)).length).toBeGreaterThan(0);
    expect(await policies()).toBe(1);
    const [row] = await database.rows<{ fingerprint: string }>('select fingerprint from __lotsennetz_setup');
    expect(row.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it('skips the set-up when nothing changed', async () => {
    // Remove a policy behind the runner's back: an unchanged restart does not redo the set-up, so it stays removed.
    await database.exec('DROP POLICY office_isolation ON guides');
    expect(await migrate(database)).toEqual([]);
    expect(await policies()).toBe(0);
  });

  it('re-applies the set-up when its SQL changed (a different fingerprint)', async () => {
    await database.exec(`UPDATE __lotsennetz_setup SET fingerprint = 'from an older version'`);
    expect(await migrate(database)).toEqual([]);
    expect(await policies()).toBe(1);
    const rows = await database.rows<{ fingerprint: string }>('select fingerprint from __lotsennetz_setup');
    expect(rows).toHaveLength(1);
    expect(rows[0].fingerprint).not.toBe('from an older version');
  });
});
