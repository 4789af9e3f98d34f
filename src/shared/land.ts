/**
 * The Land view (issue 13 §3): funding programmes, the offices they fund, and the aggregated figures a funder sees.
 * No schema here carries a person: only counts, sums and a median, each possibly withheld (small-cell suppression).
 */
import { z } from 'zod';
import { email, isoDate, isoDateOut, isoDateTimeOut, shortText } from './common.js';
import { LOCALES } from './enums.js';

/** The longest period a report may span: ten years, as the other period reports (validation.periodTooLong). */
export const LAND_MAX_PERIOD_DAYS = 3653;

export const LAND_FIGURES = [
  'guidesActive',
  'guidesNewlyQualified',
  'requestsFiled',
  'requestsMatched',
  'requestsUnmatched',
  'hours',
  'medianDaysToMatch',
] as const;
export type LandFigure = (typeof LAND_FIGURES)[number];

export const landPeriodQuery = z
  .strictObject({ from: isoDate.optional(), to: isoDate.optional() })
  .superRefine((q, ctx) => {
    if (!q.from || !q.to) {
      if (q.from || q.to)
        ctx.addIssue({ code: 'custom', path: [q.from ? 'to' : 'from'], message: 'validation.required' });
      return;
    }
    if (q.to < q.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'validation.endBeforeStart' });
    else if ((Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 > LAND_MAX_PERIOD_DAYS)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'validation.periodTooLong' });
  });

/** One figure: its value, or null when withheld; `suppressed` says why ("< 5", or withheld to protect another). */
export const landCellSchema = z.object({
  value: z.number().nullable(),
  suppressed: z.enum(['small', 'secondary']).nullable(),
});
export type LandCell = z.infer<typeof landCellSchema>;

export const landFiguresRowSchema = z.object(
  Object.fromEntries(LAND_FIGURES.map((k) => [k, landCellSchema])) as Record<LandFigure, typeof landCellSchema>,
);
export type LandFiguresRow = z.infer<typeof landFiguresRowSchema>;

export const landFiguresSchema = z.object({
  programme: z.object({ id: z.uuid(), name: z.string(), region: z.string() }),
  from: isoDateOut,
  to: isoDateOut,
  /** Counts below this are withheld. */
  threshold: z.number().int(),
  offices: z.array(z.object({ id: z.uuid(), name: z.string(), city: z.string(), figures: landFiguresRowSchema })),
  total: landFiguresRowSchema,
});
export type LandFigures = z.infer<typeof landFiguresSchema>;

// Platform administration of programmes.
export const fundingProgrammeInput = z.strictObject({ name: shortText(200), region: shortText(100) });
export const fundingProgrammePatch = z
  .strictObject({ name: shortText(200).optional(), region: shortText(100).optional() })
  .refine((patch) => Object.keys(patch).length > 0, { message: 'validation.emptyPatch' });
export const fundingProgrammeOfficesInput = z.strictObject({
  officeIds: z
    .array(z.uuid())
    .max(1000)
    .refine((list) => new Set(list).size === list.length, { message: 'validation.duplicate' }),
});
export const fundingProgrammeSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  region: z.string(),
  offices: z.array(z.object({ id: z.uuid(), name: z.string(), city: z.string() })),
  funderCount: z.number().int(),
  createdAt: isoDateTimeOut,
});
export type FundingProgramme = z.infer<typeof fundingProgrammeSchema>;

/** A funder account of a programme (role funder): invited by mail, deactivated by the platform admin. */
export const programmeFunderSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  locale: z.enum(LOCALES),
  status: z.enum(['invited', 'active', 'disabled']),
  lastLoginAt: isoDateTimeOut.nullable(),
});
export type ProgrammeFunder = z.infer<typeof programmeFunderSchema>;
/** The language of the invitation mail and of the account; German when left out. */
export const programmeFunderInviteInput = z.strictObject({
  email,
  displayName: shortText(200),
  locale: z.enum(LOCALES).optional(),
});
export const programmeFunderParams = z.strictObject({ id: z.uuid(), userId: z.uuid() });
