/** The database guards the contract itself: status columns take only the values of their shared enums. */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inScope } from '../../src/db/scope.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createOffice, type TestOffice } from '../helpers/factories.js';

let t: TestApp;
let office: TestOffice;
beforeAll(async () => {
  t = await createTestApp();
  office = await createOffice(t);
});
afterAll(() => t.close());

describe('CHECK constraints from the shared enums', () => {
  it.each([
    ['guides', 'status', 'retired'],
    ['guides', 'share_contact', 'fax'],
    ['users', 'role', 'superuser'],
  ])('refuses %s.%s = %s', async (table, column, value) => {
    const id = table === 'guides' ? office.guideId : office.sessions.guide.userId;
    await expect(
      inScope(t.ctx.database.db, 'system', (tx) =>
        tx.execute(sql`update ${sql.identifier(table)} set ${sql.identifier(column)} = ${value} where id = ${id}`),
      ),
    ).rejects.toThrow();
  });

  it('accepts every value of the enum', async () => {
    for (const status of ['interested', 'in_training', 'active', 'paused', 'left']) {
      await inScope(t.ctx.database.db, 'system', (tx) =>
        tx.execute(sql`update guides set status = ${status} where id = ${office.guideId}`),
      );
    }
  });
});
