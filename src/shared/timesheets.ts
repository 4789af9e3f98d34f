/**
 * Hours outside deployments, monthly time sheets, totals, programme rule sets and the cap and allowance overview
 * (issue 11). Minutes are integers; money is in cents.
 */
import { z } from 'zod';
import {
  GUIDE_BENEFITS,
  HOUR_CATEGORY_KINDS,
  PROGRAMME_KINDS,
  TAX_FREE_KINDS,
  TIME_SHEET_STATUSES,
} from '../domain/hours/kinds.js';
import { abilities, isoDate, isoDateOut, isoDateTimeOut, listOf, optionalText, shortText } from './common.js';
import { translationsInput, translationsSchema } from './localized.js';
import { programmeOptionsSchema } from './programmes.js';

export { GUIDE_BENEFITS, HOUR_CATEGORY_KINDS, TAX_FREE_KINDS, TIME_SHEET_STATUSES };

export const monthString = z
  .string()
  .regex(/^(19[0-9]{2}|20[0-9]{2}|2100)-(0[1-9]|1[0-2])$/, { message: 'validation.month' });
export const monthParams = z.strictObject({ month: monthString });
export const guideMonthParams = z.strictObject({ id: z.uuid(), month: monthString });
const year = z.coerce.number().int().min(1900).max(2100);
/** A calendar year; the office's current year when absent. */
export const yearQuery = z.strictObject({ year: year.optional() });

// Hour categories -------------------------------------------------------------------------------------------------
/**
 * `label` is the German name (required), `translations` every other UI language ('' where the office has none). The
 * SPA shows each reader the name in their language (`localizedLabel`, src/shared/localized.ts), as for field names;
 * documents for funders stay German.
 */
export const hourCategorySchema = z.object({
  id: z.uuid(),
  key: z.string(),
  label: z.string(),
  translations: translationsSchema,
  kind: z.enum(HOUR_CATEGORY_KINDS),
  sortOrder: z.number().int(),
  archived: z.boolean(),
});
export type HourCategory = z.infer<typeof hourCategorySchema>;
export const hourCategoryListSchema = listOf(hourCategorySchema);
/** The same rule as for field names: each language optional, at most 100 characters, '' or left out = none. */
const labelTranslations = translationsInput(100);
export const hourCategoryInput = z.strictObject({
  label: shortText(80),
  translations: labelTranslations.optional(),
  kind: z.enum(HOUR_CATEGORY_KINDS).exclude(['deployment']),
});
/** Translations given replace the stored ones as a whole. */
export const hourCategoryPatch = z.strictObject({
  label: shortText(80).optional(),
  translations: labelTranslations.optional(),
  sortOrder: z.number().int().min(0).max(1000).optional(),
  archived: z.boolean().optional(),
});

// Hour entries ----------------------------------------------------------------------------------------------------
const minutes = z
  .number()
  .int()
  .min(5, { message: 'validation.minutesRange' })
  .max(1440, { message: 'validation.minutesRange' });
export const hourEntryInput = z.strictObject({
  /** Coordinators log for a guide; a guide logs for themselves (omit). */
  guideId: z.uuid().optional(),
  categoryId: z.uuid(),
  date: isoDate,
  minutes,
  note: optionalText(500),
  /** Above the cap: counted as engagement, never paid. */
  unpaid: z.boolean().default(false),
});
export const hourEntryPatch = z.strictObject({
  categoryId: z.uuid().optional(),
  date: isoDate.optional(),
  minutes: minutes.optional(),
  note: optionalText(500),
  unpaid: z.boolean().optional(),
});
/** A correction in an approved month: the entry is reversed and, unless `minutes` is null, replaced. */
export const hourEntryCorrectionInput = z.strictObject({
  categoryId: z.uuid().optional(),
  minutes: minutes.nullable(),
  note: optionalText(500),
  reason: shortText(300),
});
export const hourEntrySchema = z.object({
  id: z.uuid(),
  guideId: z.uuid(),
  categoryId: z.uuid(),
  /** The category's key: a default category's name comes from the app's catalogue where the office kept it. */
  categoryKey: z.string(),
  categoryLabel: z.string(),
  /** The category's name in the other UI languages, as in `hourCategorySchema.translations`. */
  categoryTranslations: translationsSchema,
  date: isoDateOut,
  minutes: z.number().int(),
  note: z.string().nullable(),
  unpaid: z.boolean(),
  reversesEntryId: z.uuid().nullable(),
  replacesEntryId: z.uuid().nullable(),
  reversed: z.boolean(),
  createdAt: isoDateTimeOut,
  abilities,
});
export type HourEntry = z.infer<typeof hourEntrySchema>;

// Time sheets -----------------------------------------------------------------------------------------------------
export const SHEET_STATES = ['open', ...TIME_SHEET_STATUSES] as const;
export const capStatusSchema = z.object({
  state: z.enum(['none', 'ok', 'warning', 'reached']),
  capHours: z.number().int().nullable(),
  usedMinutes: z.number().int(),
  remainingMinutes: z.number().int().nullable(),
});
export const categoryTotalSchema = z.object({
  key: z.string(),
  label: z.string(),
  translations: translationsSchema,
  kind: z.enum(HOUR_CATEGORY_KINDS),
  minutes: z.number().int(),
});
export const sheetActivitySchema = z.object({
  id: z.uuid(),
  assignmentId: z.uuid(),
  date: isoDateOut,
  minutes: z.number().int(),
  approved: z.boolean(),
});
export const timeSheetSchema = z.object({
  id: z.uuid().nullable(),
  guideId: z.uuid(),
  guideName: z.string(),
  month: z.string(),
  state: z.enum(SHEET_STATES),
  submittedAt: isoDateTimeOut.nullable(),
  decidedAt: isoDateTimeOut.nullable(),
  returnComment: z.string().nullable(),
  approvedMinutes: z.number().int().nullable(),
  dueOn: isoDateOut.nullable(),
  totalMinutes: z.number().int(),
  unpaidMinutes: z.number().int(),
  totals: z.array(categoryTotalSchema),
  entries: z.array(hourEntrySchema),
  activities: z.array(sheetActivitySchema),
  cap: capStatusSchema,
  abilities,
});
export type TimeSheet = z.infer<typeof timeSheetSchema>;
export const timeSheetReturnInput = z.strictObject({ comment: shortText(1000) });

export const queueItemSchema = z.object({
  id: z.uuid(),
  guideId: z.uuid(),
  guideName: z.string(),
  month: z.string(),
  state: z.enum(SHEET_STATES),
  submittedAt: isoDateTimeOut.nullable(),
  totalMinutes: z.number().int(),
  totals: z.array(categoryTotalSchema),
  /** The allowance this month would pay, and how it stands against the year's tax-free limit. */
  allowanceCents: z.number().int(),
  taxFree: z.enum(['ok', 'warning', 'exceeds']),
  cap: capStatusSchema,
});
export const queueQuery = z.strictObject({ status: z.enum(TIME_SHEET_STATUSES).default('submitted') });
export const queueListSchema = listOf(queueItemSchema);

// Totals ----------------------------------------------------------------------------------------------------------
export const totalsQuery = z.strictObject({
  year: year.optional(),
  guideId: z.uuid().optional(),
});
const totalRow = z.object({ key: z.string(), label: z.string(), minutes: z.number().int() });
export const totalsSchema = z.object({
  year: z.number().int(),
  totalMinutes: z.number().int(),
  byGuide: z.array(totalRow),
  byMonth: z.array(totalRow),
  /** Per category, with its name in the other UI languages ('' where there is none). */
  byCategory: z.array(totalRow.extend({ translations: translationsSchema })),
  byDeployment: z.array(totalRow),
});
export type HourTotals = z.infer<typeof totalsSchema>;

// Programme rule sets ---------------------------------------------------------------------------------------------
export const programmeRuleSetInput = z.strictObject({
  name: shortText(120),
  programme: z.enum(PROGRAMME_KINDS),
  validFrom: isoDate,
  options: programmeOptionsSchema,
});
export const programmeRuleSetSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  programme: z.enum(PROGRAMME_KINDS),
  validFrom: isoDateOut,
  options: programmeOptionsSchema,
  /** The version that applies today. */
  current: z.boolean(),
  /** Used (valid-from reached or an approved month under it): evidence, never edited or deleted. */
  inUse: z.boolean(),
});
/** A planned version (not yet in use) may still be moved or changed; a version in use answers 409. */
export const programmeRuleSetPatch = z.strictObject({
  validFrom: isoDate.optional(),
  options: programmeOptionsSchema.optional(),
});
export type ProgrammeRuleSet = z.infer<typeof programmeRuleSetSchema>;
export const programmeRuleSetListSchema = listOf(programmeRuleSetSchema);

// Caps and allowances per guide -----------------------------------------------------------------------------------
export const hourProfileInput = z.strictObject({
  coordinating: z.boolean(),
  benefits: z.enum(GUIDE_BENEFITS),
  /** The yearly tax-free allowance tracked for the guide; the Ehrenamtspauschale unless said otherwise. */
  taxFreeKind: z.enum(TAX_FREE_KINDS).default('ehrenamtspauschale'),
});
export const allowanceOverviewItem = z.object({
  guideId: z.uuid(),
  guideName: z.string(),
  coordinating: z.boolean(),
  benefits: z.enum(GUIDE_BENEFITS),
  taxFreeKind: z.enum(TAX_FREE_KINDS),
  cap: capStatusSchema,
  approvedMinutes: z.number().int(),
  allowanceCents: z.number().int(),
  taxFree: z.object({
    state: z.enum(['ok', 'warning', 'exceeds']),
    limitCents: z.number().int(),
    remainingCents: z.number().int(),
  }),
  /** Months whose allowance is above what AsylbLG leaves without deduction (250 €). */
  monthsAboveBenefitsFree: z.array(z.string()),
});
export const allowanceOverviewSchema = z.object({
  year: z.number().int(),
  ruleSet: z.object({ name: z.string(), programme: z.enum(PROGRAMME_KINDS), validFrom: isoDateOut }).nullable(),
  items: z.array(allowanceOverviewItem),
  total: z.number().int(),
});
export type AllowanceOverview = z.infer<typeof allowanceOverviewSchema>;
export const allowanceExportQuery = yearQuery;
