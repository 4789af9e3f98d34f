/**
 * Database schema. Every office-owned table has `office_id`; row-level security is applied to
 * every such table automatically by `security.ts`, so a new table is covered without extra work.
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const id = () => uuid('id').primaryKey().default(sql`gen_random_uuid()`);
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
const officeId = () =>
  uuid('office_id')
    .notNull()
    .references(() => offices.id, { onDelete: 'cascade' });

export const offices = pgTable('offices', {
  id: id(),
  name: text('name').notNull(),
  city: text('city').notNull(),
  settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
  createdAt: createdAt(),
});

export const users = pgTable(
  'users',
  {
    id: id(),
    /** Null only for platform admins. */
    officeId: uuid('office_id').references(() => offices.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash'),
    role: text('role').notNull(),
    locale: text('locale').notNull().default('de'),
    partnerId: uuid('partner_id').references(() => partners.id, { onDelete: 'set null' }),
    guideId: uuid('guide_id').references(() => guides.id, { onDelete: 'set null' }),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('users_email_unique').on(t.email), index('users_office_idx').on(t.officeId)],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie value: a leaked table does not yield usable cookies. */
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const authTokens = pgTable('auth_tokens', {
  id: text('id').primaryKey(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  kind: text('kind').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  createdAt: createdAt(),
});

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
    name: text('name').notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.officeId, t.key] })],
);

export const specializations = pgTable(
  'specializations',
  {
    officeId: officeId(),
    key: text('key').notNull(),
    name: text('name').notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.officeId, t.key] })],
);

export const partners = pgTable(
  'partners',
  {
    id: id(),
    officeId: officeId(),
    name: text('name').notNull(),
    type: text('type').notNull(),
    street: text('street'),
    postalCode: text('postal_code'),
    city: text('city'),
    districtId: uuid('district_id').references(() => districts.id, { onDelete: 'set null' }),
    email: text('email'),
    phone: text('phone'),
    notes: text('notes'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('partners_office_idx').on(t.officeId)],
);

export const partnerContacts = pgTable(
  'partner_contacts',
  {
    id: id(),
    officeId: officeId(),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    email: text('email').notNull(),
    phone: text('phone'),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('partner_contacts_partner_idx').on(t.partnerId)],
);

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
    gender: text('gender'),
    status: text('status').notNull().default('interested'),
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
    notes: text('notes'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('guides_office_name_idx').on(t.officeId, t.lastName, t.firstName),
    index('guides_office_status_idx').on(t.officeId, t.status),
    index('guides_language_codes_idx').using('gin', t.languageCodes),
    index('guides_service_districts_idx').using('gin', t.serviceDistrictIds),
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
    status: text('status').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('guide_status_history_guide_idx').on(t.guideId)],
);

/** Append-only: the application role has INSERT and SELECT only (see security.ts). */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: id(),
    /** Null for platform-level events (offices, platform admins). */
    officeId: uuid('office_id').references(() => offices.id, { onDelete: 'cascade' }),
    actorUserId: uuid('actor_user_id'),
    actorName: text('actor_name'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    changes: jsonb('changes').$type<Record<string, unknown>>(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('audit_office_at_idx').on(t.officeId, t.at), index('audit_entity_idx').on(t.entityType, t.entityId)],
);

export const outbox = pgTable(
  'outbox',
  {
    id: id(),
    officeId: uuid('office_id').references(() => offices.id, { onDelete: 'cascade' }),
    to: text('to_address').notNull(),
    subject: text('subject').notNull(),
    text: text('body_text').notNull(),
    status: text('status').notNull().default('stored'),
    error: text('error'),
    createdAt: createdAt(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('outbox_office_idx').on(t.officeId, t.createdAt)],
);
