/**
 * The team budget (Hessen WIR, issue 11 §3): the office's paid hours of a year, shared out between its guides. The
 * coordinator moves hours between guides' shares; no share passes its guide's cap (domain/hours/teamBudget.ts).
 */
import { z } from 'zod';

export const teamBudgetItemSchema = z.object({
  guideId: z.uuid(),
  guideName: z.string(),
  coordinating: z.boolean(),
  /** The guide's own cap of paid hours this year; null without one. */
  capHours: z.number().int().nullable(),
  /** Paid minutes that count towards the cap, logged this year. */
  usedMinutes: z.number().int(),
  /** The guide's share of the team budget. */
  allocatedHours: z.number().int(),
});
export type TeamBudgetItem = z.infer<typeof teamBudgetItemSchema>;

export const teamBudgetSchema = z.object({
  year: z.number().int(),
  /** The rule set in force at the end of the year; null when the office has none. */
  ruleSet: z.object({ name: z.string(), validFrom: z.string() }).nullable(),
  /** Null when the rule set has no team budget: then hours cannot be shared out. */
  budgetHours: z.number().int().nullable(),
  allocatedHours: z.number().int(),
  /** The budget not yet given to any guide; null without a budget. */
  unallocatedHours: z.number().int().nullable(),
  /** Every active guide with their share (not a paged list: the screen moves hours between all of them). */
  guides: z.array(teamBudgetItemSchema),
});
export type TeamBudget = z.infer<typeof teamBudgetSchema>;

/** Moves hours from a guide (or from the unallocated rest, null) to a guide (or back to the rest, null). */
export const teamBudgetMoveInput = z
  .strictObject({
    year: z.number().int().min(2000).max(2100),
    fromGuideId: z.uuid().nullable(),
    toGuideId: z.uuid().nullable(),
    hours: z.number().int().min(1).max(3000),
  })
  .refine((v) => v.fromGuideId !== v.toGuideId, { path: ['toGuideId'], message: 'validation.sameGuide' });
