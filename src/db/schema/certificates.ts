/** Certificates of completed courses (verifiable by a public code) and the funders' rule sets for course costs. */
import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { FUNDING_KINDS } from '../../domain/courses/funding.js';
import { users } from './accounts.js';
import { createdAt, id, oneOf, updatedAt } from './columns.js';
import { courseEnrolments, courses } from './courses.js';
import { guides } from './guides.js';
import { officeId } from './offices.js';

/**
 * One certificate per completed enrolment, issued when first printed. What it states is copied at issue (name,
 * course, UE, dates), so the verification page confirms what the paper says even if the course is edited later.
 */
export const courseCertificates = pgTable(
  'course_certificates',
  {
    id: id(),
    officeId: officeId(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'restrict' }),
    enrolmentId: uuid('enrolment_id')
      .notNull()
      .references(() => courseEnrolments.id, { onDelete: 'restrict' }),
    guideId: uuid('guide_id')
      .notNull()
      .references(() => guides.id, { onDelete: 'restrict' }),
    /** Printed on the certificate and in its verification URL; random, unguessable, shows only what is below. */
    code: text('code').notNull(),
    holderName: text('holder_name').notNull(),
    courseTitle: text('course_title').notNull(),
    teachingUnits: integer('teaching_units').notNull(),
    firstDay: date('first_day'),
    lastDay: date('last_day'),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
    issuedBy: uuid('issued_by').references(() => users.id, { onDelete: 'set null' }),
    /** A withdrawn certificate verifies as withdrawn, never as genuine. */
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedReason: text('revoked_reason'),
  },
  (t) => [
    unique('course_certificates_code_key').on(t.code),
    unique('course_certificates_enrolment_key').on(t.enrolmentId),
    index('course_certificates_course_idx').on(t.courseId),
    index('course_certificates_guide_idx').on(t.guideId),
    check('course_certificates_units_check', sql`${t.teachingUnits} > 0`),
    check('course_certificates_revoked_check', sql`(${t.revokedAt} is null) = (${t.revokedReason} is null)`),
  ],
);

/** A funder's rule set as the office uses it, valid from a date; a change is a new row from a new date. */
export const fundingRuleSets = pgTable(
  'funding_rule_sets',
  {
    id: id(),
    officeId: officeId(),
    name: text('name').notNull(),
    kind: text('kind', { enum: FUNDING_KINDS }).notNull(),
    params: jsonb('params').$type<Record<string, number>>().notNull(),
    validFrom: date('valid_from').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    oneOf('funding_rule_sets_kind_check', t.kind, FUNDING_KINDS),
    unique('funding_rule_sets_office_name_from_key').on(t.officeId, t.name, t.validFrom),
  ],
);

/** Which rule set a course is reported under, and its material costs (for rules that fund materials). */
export const courseFunding = pgTable(
  'course_funding',
  {
    id: id(),
    officeId: officeId(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    /** The rule set's name; the version valid at the course's first session applies. */
    ruleSetName: text('rule_set_name'),
    materialsCents: integer('materials_cents').notNull().default(0),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('course_funding_course_key').on(t.courseId),
    check('course_funding_materials_check', sql`${t.materialsCents} >= 0`),
  ],
);
