/** Requests (Einsatzanfragen), their timeline, and the services directory for referrals. */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { CONTACT_CHANNELS, REQUEST_ORIGINS, REQUEST_STATUSES } from '../../domain/requestStatus.js';
import { users } from './accounts.js';
import { createdAt, id, oneOf, updatedAt } from './columns.js';
import { partnerContacts, partners } from './partners.js';
import { districts } from './reference.js';

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

import { officeId } from './offices.js';

export type SlotRow = { weekday: number; from: string; to: string };

export const requests = pgTable(
  'requests',
  {
    id: id(),
    officeId: officeId(),
    /** The institution that filed the request; null for a request from the public "ask for help" form. */
    partnerId: uuid('partner_id').references(() => partners.id, { onDelete: 'restrict' }),
    /** Where the request came from: a partner (institution) or a person through the public form. */
    origin: text('origin', { enum: REQUEST_ORIGINS }).notNull().default('partner'),
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
    /** Set when the accompanied person's data was erased (modules/retention); the request stays for statistics. */
    personAnonymisedAt: timestamp('person_anonymised_at', { withTimezone: true }),
    notes: text('notes'),
    status: text('status', { enum: REQUEST_STATUSES }).notNull().default('new'),
    statusReason: text('status_reason'),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    oneOf('requests_status_check', t.status, REQUEST_STATUSES),
    oneOf('requests_origin_check', t.origin, REQUEST_ORIGINS),
    // A partner's request names its partner; only a public one has none.
    check('requests_origin_partner_check', sql`(${t.origin} = 'public') = (${t.partnerId} is null)`),
    index('requests_office_status_idx').on(t.officeId, t.status),
    index('requests_partner_idx').on(t.partnerId),
  ],
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

/**
 * How to reach the person who asked through the public form, and their name: personal data that only the office's
 * coordinators read (never guides, partners or funders). Deleted when the request's person data is erased.
 */
export const requestContacts = pgTable(
  'request_contacts',
  {
    id: id(),
    officeId: officeId(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => requests.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    channel: text('channel', { enum: CONTACT_CHANNELS }).notNull(),
    value: text('value').notNull(),
    /** The language the form was filled in: the confirmation and any later mail use it. */
    locale: text('locale').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    oneOf('request_contacts_channel_check', t.channel, CONTACT_CHANNELS),
    uniqueIndex('request_contacts_request_unique').on(t.requestId),
  ],
);
