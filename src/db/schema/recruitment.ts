/** Recruitment (Gewinnung): applicants from the public form, their dated steps and get-to-know conversations. */
import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { APPLICANT_STATUSES, CONVERSATION_OUTCOMES } from '../../shared/recruitment.js';
import { users } from './accounts.js';
import { createdAt, id, oneOf, updatedAt } from './columns.js';
import { consentTexts } from './consent.js';
import { type AvailabilityRow, type GuideLanguageRow, guides } from './guides.js';
import { officeId } from './offices.js';

export const applicants = pgTable(
  'applicants',
  {
    id: id(),
    officeId: officeId(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    email: text('email').notNull(),
    phone: text('phone'),
    /** The language the form was filled in; mails to the applicant use it, and the guide inherits it. */
    locale: text('locale').notNull().default('de'),
    languages: jsonb('languages').$type<GuideLanguageRow[]>().notNull().default([]),
    districtIds: uuid('district_ids').array().notNull().default(sql`'{}'::uuid[]`),
    availability: jsonb('availability').$type<AvailabilityRow[]>().notNull().default([]),
    motivation: text('motivation'),
    /** The data-protection consent given on the form: the office's guide consent text version in force then. */
    consentTextId: uuid('consent_text_id').references(() => consentTexts.id, { onDelete: 'set null' }),
    consentVersion: integer('consent_version'),
    consentLanguage: text('consent_language'),
    consentGivenAt: timestamp('consent_given_at', { withTimezone: true }),
    status: text('status', { enum: APPLICANT_STATUSES }).notNull().default('interested'),
    /** The date of the newest step (the day the current status was reached). */
    statusOn: date('status_on').notNull().default(sql`current_date`),
    dropOutReason: text('drop_out_reason'),
    /** Double opt-in: only the hash of the link's token is stored, and it is cleared once used. */
    confirmTokenHash: text('confirm_token_hash').unique(),
    confirmExpiresAt: timestamp('confirm_expires_at', { withTimezone: true }),
    emailConfirmedAt: timestamp('email_confirmed_at', { withTimezone: true }),
    guideId: uuid('guide_id').references(() => guides.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    oneOf('applicants_status_check', t.status, APPLICANT_STATUSES),
    index('applicants_office_status_idx').on(t.officeId, t.status),
    index('applicants_office_email_idx').on(t.officeId, t.email),
    index('applicants_guide_idx').on(t.guideId),
  ],
);

/** The dated history of an applicant's steps through the pipeline (append-only). */
export const applicantSteps = pgTable(
  'applicant_steps',
  {
    id: id(),
    officeId: officeId(),
    applicantId: uuid('applicant_id')
      .notNull()
      .references(() => applicants.id, { onDelete: 'cascade' }),
    status: text('status', { enum: APPLICANT_STATUSES }).notNull(),
    on: date('step_on').notNull(),
    note: text('note'),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    oneOf('applicant_steps_status_check', t.status, APPLICANT_STATUSES),
    index('applicant_steps_applicant_idx').on(t.applicantId),
  ],
);

/** Get-to-know conversations (Kennenlerngespräche): when, who held it, and the outcome. */
export const applicantConversations = pgTable(
  'applicant_conversations',
  {
    id: id(),
    officeId: officeId(),
    applicantId: uuid('applicant_id')
      .notNull()
      .references(() => applicants.id, { onDelete: 'cascade' }),
    heldOn: date('held_on').notNull(),
    heldBy: uuid('held_by').references(() => users.id, { onDelete: 'set null' }),
    outcome: text('outcome', { enum: CONVERSATION_OUTCOMES }).notNull(),
    note: text('note'),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    oneOf('applicant_conversations_outcome_check', t.outcome, CONVERSATION_OUTCOMES),
    index('applicant_conversations_applicant_idx').on(t.applicantId),
  ],
);
