/**
 * Database schema. Every office-owned table has `office_id`; row-level security is applied to
 * every such table automatically by `security.ts`, so a new table is covered without extra work.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
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
  /** A deactivated office keeps its records; its accounts can no longer sign in. */
  deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
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

/**
 * Failed sign-in and reset attempts, shared by every server instance. The key is a hash (of "account:<e-mail>",
 * "address:<ip>" or "pair:<e-mail>|<ip>"), so the table holds no address in the clear.
 */
export const throttleEvents = pgTable(
  'throttle_events',
  {
    id: id(),
    keyHash: text('key_hash').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('throttle_events_key_at_idx').on(t.keyHash, t.at)],
);

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
    /** The most deployments the office allows this guide; the guide may choose fewer, never more. */
    capacityCeiling: integer('capacity_ceiling'),
    /**
     * Running deployments (pending agreement or active). Kept on the row, changed only while the row is locked
     * (accept) or by an atomic increment (close), so the capacity gate is a column comparison even in large offices.
     */
    activeAssignments: integer('active_assignments').notNull().default(0),
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
    confidentialityPledgeVersion: text('confidentiality_pledge_version'),
    /** The contact channel the guide agreed to share with partners of their deployments: none, phone or email. */
    shareContact: text('share_contact').notNull().default('none'),
    notes: text('notes'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('guides_office_name_idx').on(t.officeId, t.lastName, t.firstName),
    index('guides_office_status_idx').on(t.officeId, t.status),
    index('guides_language_codes_idx').using('gin', t.languageCodes),
    index('guides_service_districts_idx').using('gin', t.serviceDistrictIds),
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
    /** How the actor acted when it was not a signed-in session: 'email_link', 'system'. */
    via: text('via'),
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
    /** The message with every secret (link, token) replaced by a placeholder: what readers of the outbox see. */
    text: text('body_text').notNull(),
    /**
     * The secrets for the placeholders, encrypted with a key that is not in the database (see mail/secrets.ts), so
     * neither outbox readers nor backups can recover a link. Cleared once the message is delivered.
     */
    secretPayload: text('secret_payload'),
    status: text('status').notNull().default('stored'),
    error: text('error'),
    createdAt: createdAt(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('outbox_office_idx').on(t.officeId, t.createdAt)],
);

// ---- The coordination loop: requests, offers, assignments (Einsätze), agreements, activities ----

/** Office directory of counselling and regular services (Regeldienste, Beratungsstellen) for referrals. */
export const serviceDirectory = pgTable(
  'service_directory',
  {
    id: id(),
    officeId: officeId(),
    name: text('name').notNull(),
    topics: text('topics').array().notNull().default(sql`'{}'::text[]`),
    phone: text('phone'),
    email: text('email'),
    url: text('url'),
    address: text('address'),
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    notes: text('notes'),
    createdAt: createdAt(),
  },
  (t) => [index('service_directory_office_idx').on(t.officeId)],
);

export type SlotRow = { weekday: number; from: string; to: string };

export const requests = pgTable(
  'requests',
  {
    id: id(),
    officeId: officeId(),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'restrict' }),
    contactId: uuid('contact_id').references(() => partnerContacts.id, { onDelete: 'set null' }),
    createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    field: text('field').notNull(),
    type: text('type').notNull(),
    matters: text('matters').array().notNull().default(sql`'{}'::text[]`),
    title: text('title').notNull(),
    description: text('description').notNull(),
    place: text('place'),
    /** Where the guide meets the person, and whom to ask there (shown to guides once offered). */
    meetingPoint: text('meeting_point'),
    onSiteContact: text('on_site_contact'),
    districtId: uuid('district_id')
      .notNull()
      .references(() => districts.id, { onDelete: 'restrict' }),
    /** Tandems and small groups: the first N acceptances win. */
    guidesNeeded: integer('guides_needed').notNull().default(1),
    specialization: text('specialization'),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on'),
    frequency: text('frequency').notNull(),
    expectedHours: doublePrecision('expected_hours').notNull(),
    slots: jsonb('slots').$type<SlotRow[]>().notNull().default([]),
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    preferredGender: text('preferred_gender'),
    urgency: text('urgency').notNull().default('normal'),
    minorsInvolved: boolean('minors_involved').notNull(),
    personInitials: text('person_initials').notNull(),
    personAgeGroup: text('person_age_group').notNull(),
    personLanguages: text('person_languages').array().notNull().default(sql`'{}'::text[]`),
    personHousehold: text('person_household').notNull(),
    personHouseholdSize: integer('person_household_size').notNull().default(1),
    personConsentGiven: boolean('person_consent_given').notNull(),
    personConsentVersion: text('person_consent_version'),
    personConsentLanguage: text('person_consent_language'),
    notes: text('notes'),
    status: text('status').notNull().default('new'),
    statusReason: text('status_reason'),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('requests_office_status_idx').on(t.officeId, t.status), index('requests_partner_idx').on(t.partnerId)],
);

/** The request's timeline: every status change, question and answer, time-stamped. */
export const requestEvents = pgTable(
  'request_events',
  {
    id: id(),
    officeId: officeId(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => requests.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    message: text('message'),
    actorUserId: uuid('actor_user_id'),
    actorName: text('actor_name'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /** Insertion order: events of one transaction share their time, and the timeline keeps them in order. */
    seq: bigint('seq', { mode: 'number' }).generatedByDefaultAsIdentity(),
  },
  (t) => [index('request_events_request_idx').on(t.requestId, t.at)],
);

export const offers = pgTable(
  'offers',
  {
    id: id(),
    officeId: officeId(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => requests.id, { onDelete: 'cascade' }),
    guideId: uuid('guide_id')
      .notNull()
      .references(() => guides.id, { onDelete: 'cascade' }),
    message: text('message').notNull().default(''),
    status: text('status').notNull().default('pending'),
    overrideReason: text('override_reason'),
    declineReason: text('decline_reason'),
    /** SHA-256 of the single-use answer link's token. */
    linkTokenHash: text('link_token_hash'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    createdByUserId: uuid('created_by_user_id'),
    createdAt: createdAt(),
  },
  (t) => [
    index('offers_request_idx').on(t.requestId),
    index('offers_guide_status_idx').on(t.guideId, t.status),
    uniqueIndex('offers_link_token_unique').on(t.linkTokenHash),
  ],
);

export const assignments = pgTable(
  'assignments',
  {
    id: id(),
    officeId: officeId(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => requests.id, { onDelete: 'restrict' }),
    guideId: uuid('guide_id')
      .notNull()
      .references(() => guides.id, { onDelete: 'restrict' }),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'restrict' }),
    offerId: uuid('offer_id').references(() => offers.id, { onDelete: 'set null' }),
    status: text('status').notNull().default('pending_agreement'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    outcome: text('outcome'),
    referredServiceId: uuid('referred_service_id').references(() => serviceDirectory.id, { onDelete: 'set null' }),
    referredTo: text('referred_to'),
    endedEarlyReason: text('ended_early_reason'),
    guideFeedback: text('guide_feedback'),
    partnerFeedback: text('partner_feedback'),
  },
  (t) => [
    // A guide takes a request at most once; how many guides a request gets is checked under the request's row lock.
    uniqueIndex('assignments_request_guide_unique').on(t.requestId, t.guideId),
    index('assignments_request_idx').on(t.requestId),
    index('assignments_guide_status_idx').on(t.guideId, t.status),
  ],
);

export type StepRow = { title: string; status: string };
export type ExtensionRow = { from: string; to: string; reason: string; at: string; by: string };

/**
 * Agreements are versioned evidence: a version that anyone confirmed is immutable (a database trigger refuses the
 * change, see db/guards.ts). A change to a confirmed agreement inserts the next version, which needs new
 * confirmations; the previous one is marked superseded. The current version is the highest number.
 */
export const agreements = pgTable(
  'agreements',
  {
    id: id(),
    officeId: officeId(),
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => assignments.id, { onDelete: 'cascade' }),
    version: integer('version').notNull().default(1),
    goal: text('goal').notNull(),
    steps: jsonb('steps').$type<StepRow[]>().notNull().default([]),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    frequency: text('frequency').notNull(),
    contactChannels: text('contact_channels').notNull().default(''),
    boundaries: text('boundaries').notNull(),
    confidentiality: text('confidentiality').notNull(),
    /** The insurance paragraph, from the office's setting for the partner's type at the time of the version. */
    insurance: text('insurance').notNull().default(''),
    reviewOn: date('review_on').notNull(),
    guideConfirmedAt: timestamp('guide_confirmed_at', { withTimezone: true }),
    guideConfirmedBy: text('guide_confirmed_by'),
    partnerConfirmedAt: timestamp('partner_confirmed_at', { withTimezone: true }),
    partnerConfirmedBy: text('partner_confirmed_by'),
    extensions: jsonb('extensions').$type<ExtensionRow[]>().notNull().default([]),
    /** Why this version was made (first draft, change, extension). */
    changeNote: text('change_note'),
    createdByName: text('created_by_name'),
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('agreements_assignment_version_unique').on(t.assignmentId, t.version)],
);

/** Tätigkeitsnachweis: every entry belongs to a dated, recorded deployment (insurance evidence). */
export const activities = pgTable(
  'activities',
  {
    id: id(),
    officeId: officeId(),
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => assignments.id, { onDelete: 'restrict' }),
    guideId: uuid('guide_id')
      .notNull()
      .references(() => guides.id, { onDelete: 'restrict' }),
    date: date('date').notNull(),
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
    minutes: integer('minutes').notNull(),
    type: text('type').notNull(),
    km: doublePrecision('km').notNull().default(0),
    expensesCents: integer('expenses_cents').notNull().default(0),
    note: text('note'),
    createdByUserId: uuid('created_by_user_id'),
    /** Approved entries are locked (db/guards.ts); corrections before approval are audited. */
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    approvedByUserId: uuid('approved_by_user_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('activities_assignment_idx').on(t.assignmentId),
    index('activities_guide_date_idx').on(t.guideId, t.date),
  ],
);
