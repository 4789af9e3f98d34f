/**
 * Retention and erasure contracts (GDPR Art. 5 (1) e, Art. 17; § 72a (5) SGB VIII; § 147 AO; ANBest-P). The legal
 * ground of every period is in docs/privacy/retention.md.
 */
import { z } from 'zod';
import { isoDateOut, isoDateTimeOut, listOf, shortText } from './common.js';

/** What the schedule acts on; a legal hold names one of these. */
export const RETENTION_RULES = ['background_check', 'guide_personal_data', 'person_data'] as const;
export type RetentionRule = (typeof RETENTION_RULES)[number];

/** The records a rule applies to: the guide, the request (its accompanied person), a partner contact. */
export const RETENTION_ENTITY_TYPES = ['guide', 'request', 'partner_contact'] as const;
export type RetentionEntityType = (typeof RETENTION_ENTITY_TYPES)[number];

/** Which record each rule applies to. */
export const RULE_ENTITY: Record<RetentionRule, RetentionEntityType> = {
  background_check: 'guide',
  guide_personal_data: 'guide',
  person_data: 'request',
};

/** The periods, per office. Bounds are where the law sets them: § 72a (5) SGB VIII at most 3 months, § 147 AO at least 10 years. */
export const retentionScheduleSchema = z.strictObject({
  /** Months after the guide's last activity ends until the background-check record is deleted (§ 72a (5) SGB VIII: ≤ 3). */
  backgroundCheckMonths: z.number().int().min(0).max(3),
  /** Months after a request closes until the accompanied person's data is erased. */
  personDataMonths: z.number().int().min(1).max(120),
  /** Years after a guide leaves (status "left" or consent withdrawn) until their personal data is anonymised. */
  guideDataYears: z.number().int().min(1).max(10),
  /** Years financial evidence (hours, kilometres, expenses) is kept (§ 147 AO: at least 10). */
  financialEvidenceYears: z.number().int().min(10).max(30),
  /** Years after the funding period that funding evidence is kept (ANBest-P No. 6.5: at least 5). */
  fundingEvidenceYears: z.number().int().min(5).max(30),
  /** Years the audit log is kept before its entries are deleted. */
  auditLogYears: z.number().int().min(1).max(30),
});
export type RetentionSchedule = z.infer<typeof retentionScheduleSchema>;

export const DEFAULT_RETENTION_SCHEDULE: RetentionSchedule = {
  backgroundCheckMonths: 3,
  personDataMonths: 6,
  guideDataYears: 3,
  financialEvidenceYears: 10,
  fundingEvidenceYears: 5,
  auditLogYears: 3,
};

export const retentionDueQuery = z.strictObject({
  /** How many days ahead to look; overdue records (the job has not run yet, or they are held) are always listed. */
  days: z.coerce.number().int().min(1).max(365).default(30),
});

export const retentionHoldSchema = z.object({
  id: z.uuid(),
  reason: z.string(),
  at: isoDateTimeOut,
  byName: z.string().nullable(),
});

export const retentionDueItemSchema = z.object({
  rule: z.enum(RETENTION_RULES),
  entityType: z.enum(RETENTION_ENTITY_TYPES),
  entityId: z.uuid(),
  /** The guide's name or the request's title: what the coordinator recognises. */
  label: z.string(),
  /** When the clock started: last activity, leaving, closing of the request. */
  since: isoDateOut,
  dueOn: isoDateOut,
  hold: retentionHoldSchema.nullable(),
});
export type RetentionDueItem = z.infer<typeof retentionDueItemSchema>;
export const retentionDueListSchema = listOf(retentionDueItemSchema).extend({
  today: isoDateOut,
  schedule: retentionScheduleSchema,
});

export const retentionHoldInput = z.strictObject({
  entityType: z.enum(RETENTION_ENTITY_TYPES),
  entityId: z.uuid(),
  rule: z.enum(RETENTION_RULES),
  reason: shortText(1000),
});

export const contactParams = z.strictObject({ id: z.uuid(), contactId: z.uuid() });

/** Erasure by anonymisation answers when it happened; asking again changes nothing. */
export const anonymisedSchema = z.object({ anonymisedAt: isoDateTimeOut });

/** What one run of the retention job did, per office and rule (also written to the audit log). */
export type RetentionRunResult = {
  backgroundChecksDeleted: number;
  guidesAnonymised: number;
  personsAnonymised: number;
  auditEntriesDeleted: number;
  skippedOnHold: number;
};

/** The placeholder that replaces erased personal text everywhere (tables, timelines, mails, audit values). */
export const ERASED = '[anonymisiert]';
