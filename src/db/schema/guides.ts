/** Guides (Lots:innen) and their status history. */
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { GUIDE_STATUSES } from '../../shared/enums.js';
import { SHARE_CONTACT } from '../../shared/guides.js';
import { createdAt, id, oneOf, updatedAt } from './columns.js';
import { officeId } from './offices.js';
import { districts } from './reference.js';

export type GuideLanguageRow = { code: string; level: string };
export type AvailabilityRow = { weekday: number; from: string; to: string };

export const guides = pgTable(
  'guides',
  {
    id: id(),
    officeId: officeId(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    email: text('email'),
    phone: text('phone'),
    locale: text('locale').notNull().default('de'),
    /** Small bounded lists live in the row: they are read and written with the guide, and GIN-indexed for filters. */
    languages: jsonb('languages').$type<GuideLanguageRow[]>().notNull().default([]),
    languageCodes: text('language_codes').array().notNull().default(sql`'{}'::text[]`),
    countries: text('countries').array().notNull().default(sql`'{}'::text[]`),
    specializations: text('specializations').array().notNull().default(sql`'{}'::text[]`),
    fields: text('fields').array().notNull().default(sql`'{}'::text[]`),
    homeDistrictId: uuid('home_district_id').references(() => districts.id, { onDelete: 'set null' }),
    serviceDistrictIds: uuid('service_district_ids').array().notNull().default(sql`'{}'::uuid[]`),
    availability: jsonb('availability').$type<AvailabilityRow[]>().notNull().default([]),
    maxActiveAssignments: integer('max_active_assignments').notNull().default(2),
    /** The most deployments the office allows this guide; the guide may choose fewer, never more. */
    capacityCeiling: integer('capacity_ceiling'),
    /**
     * Running deployments (pending agreement or active). Kept on the row, changed only while the row is locked
     * (accept) or by an atomic increment (close), so the capacity gate is a column comparison even in large offices.
     */
    activeAssignments: integer('active_assignments').notNull().default(0),
    gender: text('gender'),
    /**
     * Optional figures for the office's statistics (issue 13), kept only with the guide's consent to them
     * (`statistics_consent_at`); withdrawing the consent clears all three.
     */
    birthYear: integer('birth_year'),
    /** Zuwanderungsgeschichte (Destatis): the person or both parents immigrated since 1950. yes / no / not_stated. */
    migrationBackground: text('migration_background'),
    statisticsConsentAt: date('statistics_consent_at'),
    status: text('status', { enum: GUIDE_STATUSES }).notNull().default('interested'),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }).notNull().defaultNow(),
    certifiedAt: date('certified_at'),
    backgroundCheckedAt: date('background_checked_at'),
    backgroundIssuedAt: date('background_issued_at'),
    backgroundRelevantConviction: boolean('background_relevant_conviction'),
    consentVersion: text('consent_version'),
    consentLanguage: text('consent_language'),
    consentGivenAt: date('consent_given_at'),
    consentWithdrawnAt: date('consent_withdrawn_at'),
    confidentialityPledgeAt: date('confidentiality_pledge_at'),
    confidentialityPledgeVersion: text('confidentiality_pledge_version'),
    /** The contact channel the guide agreed to share with partners of their deployments: none, phone or email. */
    shareContact: text('share_contact').notNull().default('none'),
    notes: text('notes'),
    /** The guide opted out of broadcast mail (Rundmails): they get messages in the app only. Own offers still mail. */
    broadcastOptOut: boolean('broadcast_opt_out').notNull().default(false),
    /** Set when the guide's personal data was erased by anonymisation (modules/retention); the row stays as evidence. */
    anonymisedAt: timestamp('anonymised_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    oneOf('guides_status_check', t.status, GUIDE_STATUSES),
    oneOf('guides_share_contact_check', t.shareContact, SHARE_CONTACT),
    check(
      'guides_statistics_check',
      sql`(${t.migrationBackground} is null or ${t.migrationBackground} in ('yes', 'no', 'not_stated'))
        and (${t.birthYear} is null or ${t.birthYear} between 1900 and 2100)
        and (${t.statisticsConsentAt} is not null or (${t.birthYear} is null and ${t.migrationBackground} is null))`,
    ),
    index('guides_office_name_idx').on(t.officeId, t.lastName, t.firstName),
    index('guides_office_status_idx').on(t.officeId, t.status),
    index('guides_language_codes_idx').using('gin', t.languageCodes),
    index('guides_service_districts_idx').using('gin', t.serviceDistrictIds),
    // Trigrams serve the name search's `ilike '%…%'` (guides and matching repositories use this very expression);
    // the pg_trgm extension is created by migration 0007 and loaded into PGlite by src/db/client.ts.
    index('guides_name_trgm_idx').using(
      'gin',
      sql`(${t.firstName} || ' ' || ${t.lastName} || ' ' || ${t.firstName}) gin_trgm_ops`,
    ),
    index('guides_office_matching_idx')
      .on(t.officeId, t.status)
      .where(sql`certified_at is not null and consent_withdrawn_at is null`),
  ],
);

export const guideStatusHistory = pgTable(
  'guide_status_history',
  {
    id: id(),
    officeId: officeId(),
    guideId: uuid('guide_id')
      .notNull()
      .references(() => guides.id, { onDelete: 'cascade' }),
    status: text('status', { enum: GUIDE_STATUSES }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    oneOf('guide_status_history_status_check', t.status, GUIDE_STATUSES),
    index('guide_status_history_guide_idx').on(t.guideId),
  ],
);
