import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { inOrder } from '../../db/inOrder.js';
import { districts, fieldsOfAction, specializations } from '../../db/schema/index.js';
import type { Translations } from '../../shared/localized.js';

export type ReferenceTable = typeof fieldsOfAction | typeof specializations;

export const referenceRepository = {
  listDistricts: (tx: Tx, officeId: string) =>
    tx.select().from(districts).where(eq(districts.officeId, officeId)).orderBy(asc(districts.name)),
  findDistrict: async (tx: Tx, id: string) => (await tx.select().from(districts).where(eq(districts.id, id)))[0],
  insertDistrict: async (tx: Tx, row: typeof districts.$inferInsert) =>
    (await tx.insert(districts).values(row).returning())[0],
  updateDistrict: async (tx: Tx, id: string, values: Partial<typeof districts.$inferInsert>) =>
    (await tx.update(districts).set(values).where(eq(districts.id, id)).returning())[0],
  deleteDistrict: (tx: Tx, id: string) => tx.delete(districts).where(eq(districts.id, id)),

  listItems: (tx: Tx, table: ReferenceTable, officeId: string) =>
    tx.select().from(table).where(eq(table.officeId, officeId)).orderBy(asc(table.position), asc(table.name)),
  findItem: async (tx: Tx, table: ReferenceTable, officeId: string, key: string) =>
    (
      await tx
        .select()
        .from(table)
        .where(and(eq(table.officeId, officeId), eq(table.key, key)))
    )[0],
  insertItem: async (
    tx: Tx,
    table: ReferenceTable,
    row: { officeId: string; key: string; name: string; translations: Translations; position: number },
  ) => (await tx.insert(table).values(row).returning())[0],
  renameItem: async (
    tx: Tx,
    table: ReferenceTable,
    officeId: string,
    key: string,
    values: { name?: string; translations?: Translations },
  ) =>
    (
      await tx
        .update(table)
        .set(values)
        .where(and(eq(table.officeId, officeId), eq(table.key, key)))
        .returning()
    )[0],
  deleteItem: (tx: Tx, table: ReferenceTable, officeId: string, key: string) =>
    tx.delete(table).where(and(eq(table.officeId, officeId), eq(table.key, key))),

  /** The keys of the office's fields of action and specialisations, to check references to them. */
  async referenceKeys(tx: Tx, officeId: string) {
    const [fieldRows, specRows] = await inOrder(
      () => tx.select({ key: fieldsOfAction.key }).from(fieldsOfAction).where(eq(fieldsOfAction.officeId, officeId)),
      () => tx.select({ key: specializations.key }).from(specializations).where(eq(specializations.officeId, officeId)),
    );
    return { fields: new Set(fieldRows.map((r) => r.key)), specializations: new Set(specRows.map((r) => r.key)) };
  },
};
