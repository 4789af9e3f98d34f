import { z } from 'zod';
import { DEFAULT_MATCHING_WEIGHTS, MATCH_CRITERIA } from '../domain/matching/types.js';
import { DEFAULT_OUT_OF_SCOPE_RULES, REQUEST_MATTERS } from '../domain/outOfScope.js';

const weight = z.number().int().min(0).max(100);

/** Office settings with defaults: every rule that differs between programmes and offices lives here. */
export const officeSettingsSchema = z.object({
  matchingWeights: z.object(
    Object.fromEntries(MATCH_CRITERIA.map((c) => [c, weight])) as Record<
      (typeof MATCH_CRITERIA)[number],
      typeof weight
    >,
  ),
  /** Hours before an unanswered offer expires. */
  offerExpiryHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30),
  /** Days after the start of an agreement when the coordinator reviews it. */
  reviewAfterDays: z.number().int().min(7).max(365),
  /** Days of deployments counted for fairness. */
  fairnessWindowDays: z.number().int().min(7).max(730),
  outOfScope: z.object({
    matters: z.array(z.enum(REQUEST_MATTERS)),
    fieldTypeRules: z
      .array(z.object({ field: z.string().max(40), type: z.string().max(40), matter: z.enum(REQUEST_MATTERS) }))
      .max(50),
    keywords: z.record(z.enum(REQUEST_MATTERS), z.array(z.string().trim().toLowerCase().min(2).max(60)).max(50)),
  }),
});
export type OfficeSettings = z.infer<typeof officeSettingsSchema>;

export const DEFAULT_OFFICE_SETTINGS: OfficeSettings = {
  matchingWeights: DEFAULT_MATCHING_WEIGHTS,
  offerExpiryHours: 72,
  reviewAfterDays: 42,
  fairnessWindowDays: 180,
  outOfScope: DEFAULT_OUT_OF_SCOPE_RULES as OfficeSettings['outOfScope'],
};

/** Stored settings are merged over the defaults, so a new setting never breaks an old office. */
export function resolveOfficeSettings(stored: unknown): OfficeSettings {
  const merged = { ...DEFAULT_OFFICE_SETTINGS, ...(stored && typeof stored === 'object' ? stored : {}) };
  const parsed = officeSettingsSchema.safeParse(merged);
  return parsed.success ? parsed.data : DEFAULT_OFFICE_SETTINGS;
}

export const officeSettingsPatch = z
  .strictObject({
    matchingWeights: officeSettingsSchema.shape.matchingWeights.strict().optional(),
    offerExpiryHours: officeSettingsSchema.shape.offerExpiryHours.optional(),
    reviewAfterDays: officeSettingsSchema.shape.reviewAfterDays.optional(),
    fairnessWindowDays: officeSettingsSchema.shape.fairnessWindowDays.optional(),
    outOfScope: officeSettingsSchema.shape.outOfScope.optional(),
  })
  .refine((p) => Object.keys(p).length > 0, { message: 'validation.emptyPatch' });
