/** An office's reference data: districts, fields of action, specialisations. */
import { sql } from 'drizzle-orm';
import { doublePrecision, integer, jsonb, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import type { Translations } from '../../shared/localized.js';
import { createdAt, id } from './columns.js';
import { officeId } from './offices.js';

export const districts = pgTable(
  'districts',
  {
    id: id(),
    officeId: officeId(),
    name: text('name').notNull(),
    lat: doublePrecision('lat').notNull(),
    lon: doublePrecision('lon').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('districts_office_name_unique').on(t.officeId, t.name)],
);

export const fieldsOfAction = pgTable(
  'fields_of_action',
  {
    officeId: officeId(),
    key: text('key').notNull(),
    /** The German name (required); `translations` holds the other UI languages, a missing one reads German. */
    name: text('name').notNull(),
    translations: jsonb('translations').$type<Translations>().notNull().default(sql`'{}'::jsonb`),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.officeId, t.key] })],
);

export const specializations = pgTable(
  'specializations',
  {
    officeId: officeId(),
    key: text('key').notNull(),
    /** The German name (required); `translations` holds the other UI languages, a missing one reads German. */
    name: text('name').notNull(),
    translations: jsonb('translations').$type<Translations>().notNull().default(sql`'{}'::jsonb`),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.officeId, t.key] })],
);
