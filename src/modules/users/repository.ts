import { asc, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { users } from '../../db/schema/index.js';

export const userRepository = {
  listByOffice: (tx: Tx, officeId: string) =>
    tx.select().from(users).where(eq(users.officeId, officeId)).orderBy(asc(users.role), asc(users.displayName)),
  findById: async (tx: Tx, id: string) => (await tx.select().from(users).where(eq(users.id, id)))[0],
  /** Under row-level security: only an account of the caller's own office is found. */
  findByEmail: async (tx: Tx, email: string) => (await tx.select().from(users).where(eq(users.email, email)))[0],
  insert: async (tx: Tx, row: typeof users.$inferInsert) => (await tx.insert(users).values(row).returning())[0],
  setDisabled: async (tx: Tx, id: string, disabledAt: Date | null) =>
    (await tx.update(users).set({ disabledAt, updatedAt: new Date() }).where(eq(users.id, id)).returning())[0],
};
