import { z } from 'zod';
import { HARD_GATES, MATCH_CRITERIA } from '../domain/matching/types.js';
import { abilities, isoDateTimeOut } from './common.js';

export const candidateSchema = z.object({
  guideId: z.uuid(),
  firstName: z.string(),
  lastName: z.string(),
  eligible: z.boolean(),
  score: z.number(),
  gates: z.array(z.object({ gate: z.enum(HARD_GATES), passed: z.boolean(), overridable: z.boolean() })),
  criteria: z.array(
    z.object({
      criterion: z.enum(MATCH_CRITERIA),
      score: z.number(),
      weight: z.number(),
      detail: z.record(z.string(), z.unknown()),
    }),
  ),
  lacks: z.array(z.enum(MATCH_CRITERIA)),
  activeAssignments: z.number().int(),
  maxActiveAssignments: z.number().int(),
  pendingOffer: z.boolean(),
});
export type Candidate = z.infer<typeof candidateSchema>;

export const candidatesResponse = z.object({
  eligible: z.array(candidateSchema),
  notEligible: z.array(candidateSchema),
  /** True when no eligible guide reaches the good-fit threshold: show the nearest and what they lack. */
  noGoodFit: z.boolean(),
  threshold: z.number(),
  weights: z.record(z.string(), z.number()),
  consideredGuides: z.number().int(),
});

export const OFFER_STATUSES = ['pending', 'accepted', 'declined', 'expired', 'withdrawn', 'superseded'] as const;

export const offerCreateInput = z.strictObject({
  guideIds: z.array(z.uuid()).min(1).max(20),
  message: z.string().trim().max(2000).default(''),
  /** Needed when a chosen guide is below the good-fit threshold or fails an overridable gate. */
  overrideReason: z.string().trim().min(5).max(1000).optional(),
});

export const offerAnswerInput = z.strictObject({ reason: z.string().trim().max(1000).optional() });

export const offerSchema = z.object({
  id: z.uuid(),
  requestId: z.uuid(),
  requestTitle: z.string(),
  guideId: z.uuid(),
  guideName: z.string(),
  message: z.string(),
  status: z.enum(OFFER_STATUSES),
  overrideReason: z.string().nullable(),
  declineReason: z.string().nullable(),
  expiresAt: isoDateTimeOut,
  respondedAt: isoDateTimeOut.nullable(),
  createdAt: isoDateTimeOut,
  assignmentId: z.uuid().nullable(),
  abilities,
});
export type Offer = z.infer<typeof offerSchema>;

/** What a guide sees before accepting: enough to decide, not the person's details beyond the minimum. */
export const offerDetailSchema = offerSchema.extend({
  request: z.object({
    title: z.string(),
    description: z.string(),
    field: z.string(),
    type: z.string(),
    districtName: z.string(),
    startsOn: z.string(),
    endsOn: z.string().nullable(),
    frequency: z.string(),
    expectedHours: z.number(),
    languages: z.array(z.string()),
    minorsInvolved: z.boolean(),
    partnerName: z.string(),
  }),
});

export const offerLinkParams = z.strictObject({ token: z.string().min(20).max(200) });
export const offerLinkAnswer = z.strictObject({
  answer: z.enum(['accept', 'decline']),
  reason: z.string().trim().max(1000).optional(),
});
