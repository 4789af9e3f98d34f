import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { isUniqueViolation } from '../../db/errors.js';
import { fieldsOfAction, guides, specializations } from '../../db/schema/index.js';
import { inScope } from '../../db/scope.js';
import { type Actor, type AppContext, officeOf } from '../../server/context.js';
import { conflict, forbidden, notFound } from '../../server/errors.js';
import { compactTranslations, completeTranslations } from '../../shared/localized.js';
import type {
  districtInput,
  districtPatchInput,
  referenceKeyInput,
  referenceNamePatch,
} from '../../shared/reference.js';
import { COUNTRY_CODES, displayName, LANGUAGE_CODES } from '../../shared/reference-data.js';
import { diffFields, recordAudit } from '../audit/recorder.js';
import { settingsRepository } from '../settings/repository.js';
import { referencePolicy } from './policy.js';
import { referenceRepository as repo } from './repository.js';

export type ReferenceKind = 'fields' | 'specializations';
const TABLES = { fields: fieldsOfAction, specializations } as const;
const ENTITY = { fields: 'field_of_action', specializations: 'specialization' } as const;

/** PostgreSQL foreign-key violation (the row is still referenced) → 409 instead of a 500. */
const isForeignKeyViolation = (e: unknown) => {
  const err = e as { code?: string; cause?: { code?: string } };
  return err?.code === '23503' || err?.cause?.code === '23503';
};

/** An item as the API shows it: the German name and every other UI language ('' where there is none). */
const presentItem = (
  row: { key: string; name: string; translations: unknown },
  abilities: { update: boolean; delete: boolean },
) => ({ key: row.key, name: row.name, translations: completeTranslations(row.translations), abilities });

export class ReferenceService {
  constructor(private readonly ctx: AppContext) {}

  private scope<T>(actor: Actor, manage: boolean, work: Parameters<typeof inScope<T>>[2]) {
    if (!(manage ? referencePolicy.manage(actor) : referencePolicy.read(actor))) throw forbidden();
    return inScope(this.ctx.database.db, { officeId: officeOf(actor) }, work);
  }

  listDistricts(actor: Actor) {
    return this.scope(actor, false, async (tx) => {
      const rows = await repo.listDistricts(tx, officeOf(actor));
      const abilities = { update: referencePolicy.manage(actor), delete: referencePolicy.manage(actor) };
      const { districtTerm } = await settingsRepository.get(tx, officeOf(actor));
      return {
        items: rows.map((d) => ({ id: d.id, name: d.name, lat: d.lat, lon: d.lon, abilities })),
        total: rows.length,
        term: districtTerm,
      };
    });
  }

  createDistrict(actor: Actor, input: z.output<typeof districtInput>) {
    return this.scope(actor, true, async (tx) => {
      try {
        const row = await tx.transaction((inner) =>
          repo.insertDistrict(inner, { ...input, officeId: officeOf(actor) }),
        );
        await recordAudit(tx, actor, {
          action: 'district.created',
          entityType: 'district',
          entityId: row.id,
          changes: diffFields(null, input),
        });
        return { id: row.id, name: row.name, lat: row.lat, lon: row.lon, abilities: { update: true, delete: true } };
      } catch (e) {
        if (isUniqueViolation(e)) throw conflict();
        throw e;
      }
    });
  }

  updateDistrict(actor: Actor, id: string, input: z.output<typeof districtPatchInput>) {
    return this.scope(actor, true, async (tx) => {
      const before = await repo.findDistrict(tx, id);
      if (!before) throw notFound();
      try {
        const row = await tx.transaction((inner) => repo.updateDistrict(inner, id, input));
        await recordAudit(tx, actor, {
          action: 'district.updated',
          entityType: 'district',
          entityId: id,
          changes: diffFields(before, input),
        });
        return { id: row.id, name: row.name, lat: row.lat, lon: row.lon, abilities: { update: true, delete: true } };
      } catch (e) {
        if (isUniqueViolation(e)) throw conflict();
        throw e;
      }
    });
  }

  deleteDistrict(actor: Actor, id: string) {
    return this.scope(actor, true, async (tx) => {
      const before = await repo.findDistrict(tx, id);
      if (!before) throw notFound();
      // Guides list service districts in an array (no foreign key): take the district out of it too.
      await tx
        .update(guides)
        .set({ serviceDistrictIds: sql`array_remove(${guides.serviceDistrictIds}, ${id}::uuid)` })
        .where(sql`${guides.serviceDistrictIds} @> array[${id}::uuid]`);
      try {
        await repo.deleteDistrict(tx, id);
      } catch (e) {
        // Still the place of a request: refuse with 409 rather than fail with 500 (the transaction rolls back).
        if (isForeignKeyViolation(e)) throw conflict();
        throw e;
      }
      await recordAudit(tx, actor, {
        action: 'district.deleted',
        entityType: 'district',
        entityId: id,
        changes: { name: before.name },
      });
    });
  }

  listItems(actor: Actor, kind: ReferenceKind) {
    return this.scope(actor, false, async (tx) => {
      const rows = await repo.listItems(tx, TABLES[kind], officeOf(actor));
      const abilities = { update: referencePolicy.manage(actor), delete: referencePolicy.manage(actor) };
      return { items: rows.map((r) => presentItem(r, abilities)), total: rows.length };
    });
  }

  createItem(actor: Actor, kind: ReferenceKind, input: z.output<typeof referenceKeyInput>) {
    return this.scope(actor, true, async (tx) => {
      const officeId = officeOf(actor);
      if (await repo.findItem(tx, TABLES[kind], officeId, input.key)) throw conflict();
      const count = (await repo.listItems(tx, TABLES[kind], officeId)).length;
      const row = await repo.insertItem(tx, TABLES[kind], {
        officeId,
        key: input.key,
        name: input.name,
        translations: compactTranslations(input.translations),
        position: count,
      });
      await recordAudit(tx, actor, {
        action: `${ENTITY[kind]}.created`,
        entityType: ENTITY[kind],
        entityId: input.key,
        changes: diffFields(null, input),
      });
      return presentItem(row, { update: true, delete: true });
    });
  }

  renameItem(actor: Actor, kind: ReferenceKind, key: string, patch: z.output<typeof referenceNamePatch>) {
    return this.scope(actor, true, async (tx) => {
      const officeId = officeOf(actor);
      const before = await repo.findItem(tx, TABLES[kind], officeId, key);
      if (!before) throw notFound();
      const values = {
        ...(patch.name !== undefined && { name: patch.name }),
        ...(patch.translations !== undefined && { translations: compactTranslations(patch.translations) }),
      };
      const row = await repo.renameItem(tx, TABLES[kind], officeId, key, values);
      await recordAudit(tx, actor, {
        action: `${ENTITY[kind]}.updated`,
        entityType: ENTITY[kind],
        entityId: key,
        changes: diffFields(before, values),
      });
      return presentItem(row, { update: true, delete: true });
    });
  }

  deleteItem(actor: Actor, kind: ReferenceKind, key: string) {
    return this.scope(actor, true, async (tx) => {
      const officeId = officeOf(actor);
      if (!(await repo.findItem(tx, TABLES[kind], officeId, key))) throw notFound();
      await repo.deleteItem(tx, TABLES[kind], officeId, key);
      // Guide profiles keep keys in arrays (no foreign key): a deleted key must not linger there.
      const column = kind === 'fields' ? guides.fields : guides.specializations;
      await tx
        .update(guides)
        .set({ [kind]: sql`array_remove(${column}, ${key}::text)` })
        .where(sql`${column} @> array[${key}::text]`);
      await recordAudit(tx, actor, { action: `${ENTITY[kind]}.deleted`, entityType: ENTITY[kind], entityId: key });
    });
  }

  /** Global lists; names come from ICU in the requested language. */
  static languages(locale: string) {
    const items = LANGUAGE_CODES.map((code) => ({
      code,
      name: displayName('language', code, locale),
      nativeName: displayName('language', code, code),
    })).sort((a, b) => a.name.localeCompare(b.name, locale));
    return { items, total: items.length };
  }

  static countries(locale: string) {
    const items = COUNTRY_CODES.map((code) => ({ code, name: displayName('region', code, locale) })).sort((a, b) =>
      a.name.localeCompare(b.name, locale),
    );
    return { items, total: items.length };
  }
}
