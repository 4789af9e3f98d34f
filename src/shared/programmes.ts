/**
 * Programme rule sets (issue 11): how an office turns hours into allowances and caps under Hessen WIR,
 * Niedersachsen or a municipal budget. Stored as `programme_rule_sets.options`, valid from a date. The pure rules
 * that apply them live in src/domain/hours.
 */
import { z } from 'zod';
import { PROGRAMME_KINDS, type ProgrammeKind } from '../domain/hours/kinds.js';

export { PROGRAMME_KINDS };

const categoryKey = z.string().regex(/^[a-z0-9_]{1,40}$/, { message: 'validation.key' });

export const programmeOptionsSchema = z.strictObject({
  /** Whether the programme pays an allowance (Aufwandsentschädigung) for hours. */
  allowancesEnabled: z.boolean(),
  /** Allowance per hour in cents (Hessen WIR: 500). */
  allowanceCentsPerHour: z.number().int().min(0).max(10_000),
  /** Paid hours a guide may have per calendar year (Hessen WIR: 276); null when there is no cap. */
  capHours: z.number().int().min(1).max(3_000).nullable(),
  /** The cap for coordinating guides (Hessen WIR: 414); null when they have no cap of their own. */
  coordinatorCapHours: z.number().int().min(1).max(3_000).nullable(),
  /** Hours the team may share between guides per year, none above their own cap; null when not used. */
  teamBudgetHours: z.number().int().min(1).max(1_000_000).nullable(),
  /** Reimbursement per km by car or bike, in cents (default 30). */
  kmRateCents: z.number().int().min(0).max(200),
  /** Hour categories (keys) that count towards the cap; empty means all. */
  capCategoryKeys: z.array(categoryKey).max(50),
  /** Day of the following month by which a month's time sheet is due. */
  timesheetDeadlineDay: z.number().int().min(1).max(28),
});
export type ProgrammeOptions = z.infer<typeof programmeOptionsSchema>;

/**
 * Options as stored: a version written before `capCategoryKeys` existed (or by hand, as JSON null) reads as the
 * empty list, which means every category counts towards the cap.
 */
export function readProgrammeOptions(stored: unknown): ProgrammeOptions {
  const raw = stored && typeof stored === 'object' ? (stored as Record<string, unknown>) : {};
  return programmeOptionsSchema.parse({ ...raw, capCategoryKeys: raw.capCategoryKeys ?? [] });
}

/** The published figures each programme starts with; the office may change them in a new version. */
export const PROGRAMME_DEFAULTS: Record<ProgrammeKind, ProgrammeOptions> = {
  hessenWir: {
    allowancesEnabled: true,
    allowanceCentsPerHour: 500,
    capHours: 276,
    coordinatorCapHours: 414,
    teamBudgetHours: null,
    kmRateCents: 30,
    capCategoryKeys: [],
    timesheetDeadlineDay: 10,
  },
  niedersachsen: {
    allowancesEnabled: false,
    allowanceCentsPerHour: 0,
    capHours: null,
    coordinatorCapHours: null,
    teamBudgetHours: null,
    kmRateCents: 30,
    capCategoryKeys: [],
    timesheetDeadlineDay: 10,
  },
  municipal: {
    allowancesEnabled: false,
    allowanceCentsPerHour: 0,
    capHours: null,
    coordinatorCapHours: null,
    teamBudgetHours: null,
    kmRateCents: 30,
    capCategoryKeys: [],
    timesheetDeadlineDay: 10,
  },
};

/** The km rate when an office has no rule set: 0.30 €/km (Wegstreckenentschädigung). */
export const DEFAULT_KM_RATE_CENTS = 30;
