import { and, eq, sql } from 'drizzle-orm';
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

  /** Each row's external key -> the record it was imported as, in multi-row upserts. */
  async saveKeys(tx: Tx, officeId: string, kind: ImportKind, rows: { key: string; id: string }[]) {
    // One upsert cannot touch a key twice: the last row naming a key wins, as it did row by row.
    const keys = [...new Map(rows.map((r) => [r.key, r])).values()];
    for (let i = 0; i < keys.length; i += 1000) {
      await tx
        .insert(importKeys)
        .values(
          keys.slice(i, i + 1000).map(({ key, id }) => ({
            officeId,
            kind,
            key,
            guideId: kind === 'guides' ? id : null,
            partnerId: kind === 'guides' ? null : id,
          })),
        )
        .onConflictDoUpdate({
          target: [importKeys.officeId, importKeys.kind, importKeys.key],
          set: { guideId: sql`excluded.guide_id`, partnerId: sql`excluded.partner_id` },
        });
    }
  },

  guides: (tx: Tx, officeId: string) => tx.select().from(guides).where(eq(guides.officeId, officeId)),
  partners: (tx: Tx, officeId: string) => tx.select().from(partners).where(eq(partners.officeId, officeId)),
};
