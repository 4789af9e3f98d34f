/**
 * Hours outside and beside deployments, the monthly time sheet that approves them, and the programme rule sets
 * that turn hours into allowances and caps (issue 11). Deployment hours stay in `activities`; a time sheet covers
 * both for its guide and month.
 */
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  GUIDE_BENEFITS,
  HOUR_CATEGORY_KINDS,
  PROGRAMME_KINDS,
  TAX_FREE_KINDS,
  TIME_SHEET_STATUSES,
} from '../../domain/hours/kinds.js';
import type { Translations } from '../../shared/localized.js';
import { users } from './accounts.js';
import { createdAt, id, oneOf, updatedAt } from './columns.js';
import { guides } from './guides.js';
import { officeId } from './offices.js';

/** The office's hour categories (Plenum, Kurs, Supervision …), each of a fixed kind. */
export const hourCategories = pgTable(
  'hour_categories',
  {
    id: id(),
    officeId: officeId(),
    /** Stable key within the office (used in rule sets: "categories that count towards the cap"). */
    key: text('key').notNull(),
    /** The German name (required); `translations` holds the other UI languages, a missing one reads German. */
    label: text('label').notNull(),
    translations: jsonb('translations').$type<Translations>().notNull().default(sql`'{}'::jsonb`),
    kind: text('kind', { enum: HOUR_CATEGORY_KINDS }).notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    oneOf('hour_categories_kind_check', t.kind, HOUR_CATEGORY_KINDS),
    unique('hour_categories_office_key').on(t.officeId, t.key),
  ],
);

/**
 * Hours a guide gives outside deployments. Once their month is approved they are evidence: a correction is a new
 * entry that reverses the old one (negative minutes, `reverses_entry_id`), never an update.
 */
export const hourEntries = pgTable(
  'hour_entries',
  {
    id: id(),
    officeId: officeId(),
    guideId: uuid('guide_id')
      .notNull()
      .references(() => guides.id, { onDelete: 'restrict' }),
    categoryId: uuid('category_id')
      .notNull()
      .references(() => hourCategories.id, { onDelete: 'restrict' }),
    date: date('date').notNull(),
    minutes: integer('minutes').notNull(),
    note: text('note'),
    /** Logged above a programme cap: counted as engagement, never paid. */
    unpaid: boolean('unpaid').notNull().default(false),
    reversesEntryId: uuid('reverses_entry_id').references((): AnyPgColumn => hourEntries.id, {
      onDelete: 'restrict',
    }),
    /** The corrected entry that replaces a reversed one in an approved month (the only other insert there). */
    replacesEntryId: uuid('replaces_entry_id').references((): AnyPgColumn => hourEntries.id, {
      onDelete: 'restrict',
    }),
    createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('hour_entries_guide_date_idx').on(t.guideId, t.date),
    index('hour_entries_office_date_idx').on(t.officeId, t.date),
    // "Not reversed" is asked per entry in every hours figure (active guides, totals, the Land view): without it,
    // each question scanned the whole table (the Land report took 26 s at 100 offices).
    index('hour_entries_reverses_idx').on(t.reversesEntryId).where(sql`${t.reversesEntryId} is not null`),
    // Only a reversal may be negative; nothing is zero.
    check(
      'hour_entries_minutes_check',
      sql`${t.minutes} <> 0 and ${t.minutes} between -1440 and 1440 and (${t.minutes} > 0 or ${t.reversesEntryId} is not null)`,
    ),
  ],
);

/** A guide's month: submitted from the phone, approved (then locked) or returned with a comment. */
export const timeSheets = pgTable(
  'time_sheets',
  {
    id: id(),
    officeId: officeId(),
    guideId: uuid('guide_id')
      .notNull()
      .references(() => guides.id, { onDelete: 'restrict' }),
    /** The calendar month, `YYYY-MM`, in the office's time zone. */
    month: text('month').notNull(),
    status: text('status', { enum: TIME_SHEET_STATUSES }).notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedByUserId: uuid('submitted_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedByUserId: uuid('decided_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    returnComment: text('return_comment'),
    /** What was approved, copied at approval: the evidence does not change when categories are renamed. */
    approvedMinutes: integer('approved_minutes'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    oneOf('time_sheets_status_check', t.status, TIME_SHEET_STATUSES),
    unique('time_sheets_guide_month_key').on(t.guideId, t.month),
    check('time_sheets_month_check', sql`${t.month} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
    index('time_sheets_office_status_idx').on(t.officeId, t.status),
  ],
);

/**
 * A programme's rules as the office applies them, valid from a date; a change is a new row from a new date, so
 * past months keep the rules they were approved under. `options` is validated by the shared zod schema.
 */
export const programmeRuleSets = pgTable(
  'programme_rule_sets',
  {
    id: id(),
    officeId: officeId(),
    name: text('name').notNull(),
    programme: text('programme', { enum: PROGRAMME_KINDS }).notNull(),
    validFrom: date('valid_from').notNull(),
    options: jsonb('options').$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    oneOf('programme_rule_sets_programme_check', t.programme, PROGRAMME_KINDS),
    unique('programme_rule_sets_office_name_from_key').on(t.officeId, t.name, t.validFrom),
  ],
);

/**
 * What the hour rules need to know about a guide, kept by coordinators only: a coordinating guide
 * (Koordinierende:r Lotse) has the higher cap; a guide on Bürgergeld or AsylbLG is shown the reporting hint.
 */
export const guideHourProfiles = pgTable(
  'guide_hour_profiles',
  {
    id: id(),
    officeId: officeId(),
    guideId: uuid('guide_id')
      .notNull()
      .unique('guide_hour_profiles_guide_key')
      .references(() => guides.id, { onDelete: 'cascade' }),
    coordinating: boolean('coordinating').notNull().default(false),
    benefits: text('benefits', { enum: GUIDE_BENEFITS }).notNull().default('none'),
    /** Which yearly tax-free allowance the guide's allowances count against. */
    taxFreeKind: text('tax_free_kind', { enum: TAX_FREE_KINDS }).notNull().default('ehrenamtspauschale'),
    updatedAt: updatedAt(),
  },
  (t) => [
    oneOf('guide_hour_profiles_benefits_check', t.benefits, GUIDE_BENEFITS),
    oneOf('guide_hour_profiles_tax_free_kind_check', t.taxFreeKind, TAX_FREE_KINDS),
  ],
);

/**
 * A guide's share of the team budget of paid hours in a calendar year (Hessen WIR: the hour budget belongs to the
 * team). The coordinator moves hours between guides; no share passes the guide's own cap, and the shares together
 * stay within the budget of the rule set in force (domain/hours/teamBudget.ts). Every move is audited.
 */
export const teamBudgetAllocations = pgTable(
  'team_budget_allocations',
  {
    id: id(),
    officeId: officeId(),
    guideId: uuid('guide_id')
      .notNull()
      .references(() => guides.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    hours: integer('hours').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('team_budget_allocations_guide_year_key').on(t.guideId, t.year),
    index('team_budget_allocations_office_year_idx').on(t.officeId, t.year),
    check('team_budget_allocations_hours_check', sql`${t.hours} between 0 and 3000`),
    check('team_budget_allocations_year_check', sql`${t.year} between 2000 and 2100`),
  ],
);
