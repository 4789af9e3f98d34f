/** Imports from Excel: the column mapping remembered per office and kind, and the external keys of imported records. */

import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { IMPORT_KINDS, IMPORT_MATCH_KEYS, type ImportMapping } from '../../shared/imports.js';
import { createdAt, id, oneOf, updatedAt } from './columns.js';
import { guides } from './guides.js';
import { officeId } from './offices.js';
import { partners } from './partners.js';

export const importMappings = pgTable(
  'import_mappings',
  {
    id: id(),
    officeId: officeId(),
    kind: text('kind', { enum: IMPORT_KINDS }).notNull(),
    /** Target field -> column header of the file last imported. */
    mapping: jsonb('mapping').$type<ImportMapping>().notNull(),
    matchBy: text('match_by', { enum: IMPORT_MATCH_KEYS }).notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    oneOf('import_mappings_kind_check', t.kind, IMPORT_KINDS),
    oneOf('import_mappings_match_by_check', t.matchBy, IMPORT_MATCH_KEYS),
    unique('import_mappings_office_kind_key').on(t.officeId, t.kind),
  ],
);

/**
 * The key an office's spreadsheet gives a record (a member number, say), so a re-run of the import finds the record
 * it created. It points at the guide or the partner and goes with them when they are deleted.
 */
export const importKeys = pgTable(
  'import_keys',
  {
    id: id(),
    officeId: officeId(),
    kind: text('kind', { enum: IMPORT_KINDS }).notNull(),
    key: text('key').notNull(),
    guideId: uuid('guide_id').references(() => guides.id, { onDelete: 'cascade' }),
    partnerId: uuid('partner_id').references(() => partners.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [
    oneOf('import_keys_kind_check', t.kind, IMPORT_KINDS),
    unique('import_keys_office_kind_key_key').on(t.officeId, t.kind, t.key),
    check('import_keys_one_record_check', sql`(${t.guideId} is null) <> (${t.partnerId} is null)`),
    index('import_keys_guide_idx').on(t.guideId),
    index('import_keys_partner_idx').on(t.partnerId),
  ],
);
