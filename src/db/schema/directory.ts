/** The office's entry in the public directory of guide projects (issue 13 §4): what it chose to publish. */
import { sql } from 'drizzle-orm';
import { boolean, check, doublePrecision, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import type { Locale } from '../../shared/enums.js';
import { updatedAt } from './columns.js';
import { offices } from './offices.js';

/** A text the office writes per UI language; an empty language falls back to German on the public page. */
/** One text per UI language; rows written before a language existed lack its key. */
export type LocalizedTextRow = Partial<Record<Locale, string>>;

export const directoryEntries = pgTable(
  'directory_entries',
  {
    officeId: uuid('office_id')
      .primaryKey()
      .references(() => offices.id, { onDelete: 'cascade' }),
    /** Opt-in: an office appears in the public directory only once it says so. */
    listed: boolean('listed').notNull().default(false),
    /** The Träger (organisation responsible for the project). */
    provider: text('provider').notNull().default(''),
    description: jsonb('description').$type<LocalizedTextRow>().notNull().default({ de: '', en: '', ar: '' }),
    howToGetHelp: jsonb('how_to_get_help').$type<LocalizedTextRow>().notNull().default({ de: '', en: '', ar: '' }),
    /** Districts or municipalities served, as the office names them (free text: a Landkreis lists its Gemeinden). */
    areas: text('areas').array().notNull().default(sql`'{}'::text[]`),
    /** The office's centre point for the map (WGS 84); both or neither. */
    lat: doublePrecision('lat'),
    lon: doublePrecision('lon'),
    contactEmail: text('contact_email'),
    contactPhone: text('contact_phone'),
    website: text('website'),
    /** What appears: the languages its guides speak, the fields of action listed, the "become a guide" link. */
    showLanguages: boolean('show_languages').notNull().default(true),
    fieldKeys: text('field_keys').array().notNull().default(sql`'{}'::text[]`),
    showVolunteerForm: boolean('show_volunteer_form').notNull().default(true),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('directory_entries_lat_check', sql`${t.lat} is null or (${t.lat} between -90 and 90)`),
    check('directory_entries_lon_check', sql`${t.lon} is null or (${t.lon} between -180 and 180)`),
    check('directory_entries_point_check', sql`(${t.lat} is null) = (${t.lon} is null)`),
  ],
);
