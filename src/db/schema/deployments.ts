/** Deployments (Einsätze), their versioned agreements and activity logs. */
import {
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
import { ASSIGNMENT_STATUSES } from '../../shared/assignments.js';
import { createdAt, id, oneOf, updatedAt } from './columns.js';
import { guides } from './guides.js';
import { offers } from './offers.js';
import { officeId } from './offices.js';
import { partners } from './partners.js';
import { requests, serviceDirectory } from './requests.js';

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
    /** The request's partner; null when the request came from the public form (no institution). */
    partnerId: uuid('partner_id').references(() => partners.id, { onDelete: 'restrict' }),
    offerId: uuid('offer_id').references(() => offers.id, { onDelete: 'set null' }),
    status: text('status', { enum: ASSIGNMENT_STATUSES }).notNull().default('pending_agreement'),
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
    oneOf('assignments_status_check', t.status, ASSIGNMENT_STATUSES),
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
