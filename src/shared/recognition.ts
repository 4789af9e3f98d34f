/**
 * Recognition (issue 11 §4): hours statements (Engagementnachweis), the Ehrenamtskarte eligibility list and the
 * office's confirmations for it, and the milestones list for recognition events.
 */
import { z } from 'zod';
import { CARD_RULE_KEYS } from '../domain/recognition/card.js';
import { isoDate, isoDateOut, isoDateTimeOut, listOf } from './common.js';
import { LOCALES } from './enums.js';

export { CARD_RULE_KEYS };

const inOrder = (q: { from?: string; to?: string }) => !q.from || !q.to || q.from <= q.to;
const notTooLong = (q: { from?: string; to?: string }) =>
  !q.from || !q.to || Number(q.to.slice(0, 4)) - Number(q.from.slice(0, 4)) <= 10;

/**
 * A period of days, both included, at most 10 years. Either end may be left out: statements then run from the
 * 1st of January of this year to today, the milestones list to the 31st of December (the office's calendar).
 */
export const periodQuery = z
  .strictObject({ from: isoDate.optional(), to: isoDate.optional() })
  .refine(inOrder, { message: 'validation.periodOrder', path: ['to'] })
  .refine(notTooLong, { message: 'validation.periodTooLong', path: ['to'] });

export const statementQuery = z
  .strictObject({ from: isoDate.optional(), to: isoDate.optional(), language: z.enum(LOCALES).default('de') })
  .refine(inOrder, { message: 'validation.periodOrder', path: ['to'] })
  .refine(notTooLong, { message: 'validation.periodTooLong', path: ['to'] });

const hourLine = z.object({ key: z.string(), label: z.string().nullable(), minutes: z.number().int() });

/** What a statement says, as JSON (the guide's page shows it before the download). */
export const hoursSummarySchema = z.object({
  from: isoDateOut,
  to: isoDateOut,
  totalMinutes: z.number().int(),
  byCategory: z.array(hourLine),
  byField: z.array(hourLine.extend({ deployments: z.number().int() })),
});
export type HoursSummary = z.infer<typeof hoursSummarySchema>;

export const cardRuleQuery = z.strictObject({ rule: z.enum(CARD_RULE_KEYS).default('niedersachsen') });

export const cardBlockSchema = z.object({
  from: z.string(),
  to: z.string(),
  minutes: z.number().int(),
  qualifies: z.boolean(),
});

export const cardEligibilitySchema = z.object({
  guideId: z.uuid(),
  guideName: z.string(),
  status: z.enum(['eligible', 'soon']),
  reason: z.enum(['projected', 'nearHours']).nullable(),
  projectedMonth: z.string().nullable(),
  thresholdMinutes: z.number().int(),
  blocks: z.array(cardBlockSchema),
  totalMinutes: z.number().int(),
  /** The guide's newest card, if one was recorded. */
  cardExpiresOn: isoDateOut.nullable(),
});
export type CardEligibility = z.infer<typeof cardEligibilitySchema>;
export const cardEligibilityListSchema = z.object({
  rule: z.enum(CARD_RULE_KEYS),
  asOf: isoDateOut,
  /** The last month counted (the last complete month). */
  endMonth: z.string(),
  thresholdMinutes: z.number().int(),
  years: z.number().int(),
  validityYears: z.number().int(),
  items: z.array(cardEligibilitySchema),
  total: z.number().int(),
});

export const cardConfirmationInput = z.strictObject({
  guideId: z.uuid(),
  rule: z.enum(CARD_RULE_KEYS),
});
export const cardIssuedInput = z.strictObject({ issuedOn: isoDate });

export const cardConfirmationSchema = z.object({
  id: z.uuid(),
  guideId: z.uuid(),
  guideName: z.string(),
  rule: z.enum(CARD_RULE_KEYS),
  confirmedOn: isoDateOut,
  periodFrom: z.string(),
  periodTo: z.string(),
  confirmedMinutes: z.number().int(),
  validityYears: z.number().int(),
  cardIssuedOn: isoDateOut.nullable(),
  cardExpiresOn: isoDateOut.nullable(),
  /** pending: no card recorded yet. */
  cardState: z.enum(['pending', 'valid', 'expiringSoon', 'expired']),
  createdAt: isoDateTimeOut,
});
export type CardConfirmation = z.infer<typeof cardConfirmationSchema>;
export const cardConfirmationListSchema = listOf(cardConfirmationSchema);

export const milestoneSchema = z.object({
  guideId: z.uuid(),
  guideName: z.string(),
  kind: z.enum(['years', 'hours']),
  value: z.number().int(),
  date: isoDateOut,
});
export type MilestoneItem = z.infer<typeof milestoneSchema>;
export const milestoneListSchema = listOf(milestoneSchema);

export const documentLanguageOnly = z.strictObject({ language: z.enum(LOCALES).default('de') });
