/**
 * Certificates of completed courses (Zertifikat, Teilnahmebescheinigung) with their public verification, the
 * attendance list for signatures, and the funding figures of a course under a funder's rule set.
 */
import { z } from 'zod';
import { FUNDING_KINDS } from '../domain/courses/funding.js';
import { abilities, isoDate, isoDateOut, isoDateTimeOut, listOf, shortText } from './common.js';
import { LOCALES } from './enums.js';

/** Ten characters of an alphabet without look-alikes (no 0/O, 1/I/L), read aloud or typed from paper. */
export const CERTIFICATE_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const certificateCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[2-9A-HJKMNP-Z]{10}$/, { message: 'validation.certificateCode' });
export const certificateCodeParams = z.strictObject({ code: certificateCode });

export const certificateSchema = z.object({
  id: z.uuid(),
  courseId: z.uuid(),
  enrolmentId: z.uuid(),
  guideId: z.uuid(),
  code: z.string(),
  holderName: z.string(),
  courseTitle: z.string(),
  teachingUnits: z.number().int(),
  firstDay: isoDateOut.nullable(),
  lastDay: isoDateOut.nullable(),
  issuedAt: isoDateTimeOut,
  revokedAt: isoDateTimeOut.nullable(),
  /** The public address that confirms the certificate. */
  verifyUrl: z.string(),
});
export type Certificate = z.infer<typeof certificateSchema>;
export const certificateListSchema = listOf(certificateSchema);

export const certificateRevokeInput = z.strictObject({ reason: shortText(300) });

/** What the public verification shows: no more than name, course and date. */
export const certificateVerificationSchema = z.object({
  status: z.enum(['valid', 'revoked']),
  holderName: z.string(),
  courseTitle: z.string(),
  completedOn: isoDateOut.nullable(),
  officeName: z.string(),
});
export type CertificateVerification = z.infer<typeof certificateVerificationSchema>;

const cents = z.number().int().min(0).max(10_000_000);
const units = z.number().int().min(0).max(500);
export const perUnitParams = z.strictObject({
  unitCents: cents,
  twoTeacherUnitCents: cents,
  maxUnits: units,
  materialsMaxCents: cents,
});
export const perParticipantUnitParams = z
  .strictObject({ participantUnitCents: cents, minUnits: units, maxUnits: units })
  .refine((p) => p.minUnits <= p.maxUnits, { message: 'validation.minAboveMax', path: ['maxUnits'] });

/** One object (not a union), so that a wrong number is named by its field, whatever the kind. */
export const fundingRuleSetInput = z
  .strictObject({
    name: shortText(120),
    validFrom: isoDate,
    kind: z.enum(FUNDING_KINDS),
    params: z.record(z.string().max(40), cents),
  })
  .superRefine((v, ctx) => {
    const fits =
      v.kind === 'per_unit' ? perUnitParams.safeParse(v.params) : perParticipantUnitParams.safeParse(v.params);
    if (!fits.success)
      for (const issue of fits.error.issues)
        ctx.addIssue({ code: 'custom', path: ['params', ...issue.path], message: issue.message });
  });
export type FundingRuleSetInput = z.infer<typeof fundingRuleSetInput>;

export const fundingRuleSetSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(FUNDING_KINDS),
  params: z.record(z.string(), z.number()),
  validFrom: isoDateOut,
  abilities,
});
export type FundingRuleSet = z.infer<typeof fundingRuleSetSchema>;
export const fundingRuleSetListSchema = listOf(fundingRuleSetSchema);

export const courseFundingInput = z.strictObject({
  /** The rule set's name (its version valid at the course's first session applies); null: no funder. */
  ruleSetName: shortText(120).nullable(),
  materialsCents: cents,
});

export const courseReportSchema = z.object({
  courseId: z.uuid(),
  title: z.string(),
  type: z.string(),
  teachingUnits: z.number().int(),
  firstDay: isoDateOut.nullable(),
  lastDay: isoDateOut.nullable(),
  sessionsHeld: z.number().int(),
  unitsHeld: z.number().int(),
  participants: z.number().int(),
  completions: z.number().int(),
  /** Attended UE over possible UE of all participants in sessions held, 0 … 1; null before any session. */
  attendanceRate: z.number().nullable(),
  materialsCents: z.number().int(),
  ruleSet: z.object({ name: z.string(), kind: z.enum(FUNDING_KINDS), validFrom: isoDateOut }).nullable(),
  /** Why no rule set applies, when one was chosen: none valid at the course's start. */
  ruleSetProblem: z.enum(['noneChosen', 'notValidYet']).nullable(),
  funding: z
    .object({
      fundable: z.boolean(),
      notes: z.array(z.string()),
      unitsFunded: z.number().int(),
      teachingCents: z.number().int(),
      materialsCents: z.number().int(),
      totalCents: z.number().int(),
    })
    .nullable(),
});
export type CourseReport = z.infer<typeof courseReportSchema>;

export const documentLanguageQuery = z.strictObject({ language: z.enum(LOCALES).default('de') });

export const fundingTemplateListSchema = listOf(
  z.object({ key: z.string(), kind: z.enum(FUNDING_KINDS), params: z.record(z.string(), z.number()) }),
);
