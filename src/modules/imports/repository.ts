import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { guides, importKeys, importMappings, partners } from '../../db/schema/index.js';
import type { ImportKind, ImportMapping, ImportMatchKey } from '../../shared/imports.js';

export const importRepository = {
  async mapping(tx: Tx, officeId: string, kind: ImportKind) {
    const [row] = await tx
      .select()
      .from(importMappings)
      .where(and(eq(importMappings.officeId, officeId), eq(importMappings.kind, kind)));
    return row;
  },

  async saveMapping(tx: Tx, officeId: string, kind: ImportKind, mapping: ImportMapping, matchBy: ImportMatchKey) {
    await tx
      .insert(importMappings)
      .values({ officeId, kind, mapping, matchBy })
      .onConflictDoUpdate({
        target: [importMappings.officeId, importMappings.kind],
        set: { mapping, matchBy, updatedAt: new Date() },
      });
  },

  /** External key -> the guide or partner it was imported as. */
  async keys(tx: Tx, officeId: string, kind: ImportKind) {
    const rows = await tx
      .select()
      .from(importKeys)
      .where(and(eq(importKeys.officeId, officeId), eq(importKeys.kind, kind)));
    return new Map(rows.map((r) => [r.key, (r.guideId ?? r.partnerId) as string]));
  },

  async saveKey(tx: Tx, officeId: string, kind: ImportKind, key: string, recordId: string) {
    const target = kind === 'guides' ? { guideId: recordId, partnerId: null } : { partnerId: recordId, guideId: null };
    await tx
      .insert(importKeys)
      .values({ officeId, kind, key, ...target })
      .onConflictDoUpdate({ target: [importKeys.officeId, importKeys.kind, importKeys.key], set: target });
  },

  guides: (tx: Tx, officeId: string) => tx.select().from(guides).where(eq(guides.officeId, officeId)),
  partners: (tx: Tx, officeId: string) => tx.select().from(partners).where(eq(partners.officeId, officeId)),
};
