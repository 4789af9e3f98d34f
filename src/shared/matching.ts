import { z } from 'zod';
import { HARD_GATES, MATCH_CRITERIA } from '../domain/matching/types.js';
import { isoDateTimeOut } from './common.js';
import { LANGUAGE_LEVELS } from './enums.js';

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
  /** Set when a rule held the score below the threshold: a required language the guide does not speak. */
  cap: z
    .object({ reason: z.literal('missing_language'), missing: z.array(z.string()), uncapped: z.number() })
    .nullable(),
  /** What tells two guides with the same name apart: languages with levels, home district, year certified. */
  languages: z.array(z.object({ code: z.string(), level: z.enum(LANGUAGE_LEVELS) })),
  homeDistrictName: z.string().nullable(),
  certifiedAt: z.string().nullable(),
  activeAssignments: z.number().int(),
  maxActiveAssignments: z.number().int(),
  pendingOffer: z.boolean(),
});
export type Candidate = z.infer<typeof candidateSchema>;

export const candidatesQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  language: z.string().max(10).optional(),
  districtId: z.uuid().optional(),
  hasCapacity: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  /** Score one chosen guide, also one outside the lists (offer with an override reason). */
  guideId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(150).default(20),
  offset: z.coerce.number().int().min(0).max(150).default(0),
});

export const candidatesResponse = z.object({
  /** One page of the ranked eligible guides. */
  eligible: z.array(candidateSchema),
  eligibleTotal: z.number().int(),
  notEligible: z.array(candidateSchema),
  /** True when no eligible guide reaches the good-fit threshold: show the nearest and what they lack. */
  noGoodFit: z.boolean(),
  threshold: z.number(),
  weights: z.record(z.string(), z.number()),
  consideredGuides: z.number().int(),
  /**
   * Every guide of the office is accounted for: guides = ranked + notEligibleListed + notConsidered + filteredOut.
   * `failedGates` counts, per gate, the guides (matching the filters) that fail it.
   */
  accounting: z.object({
    guides: z.number().int(),
    ranked: z.number().int(),
    notEligibleListed: z.number().int(),
    notEligible: z.number().int(),
    notConsidered: z.number().int(),
    filteredOut: z.number().int(),
    failedGates: z.record(z.enum(HARD_GATES), z.number().int()),
  }),
  /** Per required language: how many active guides speak it, and related languages (office's proximity pairs). */
  languageCoverage: z.array(
    z.object({
      code: z.string(),
      speakers: z.number().int(),
      related: z.array(z.object({ code: z.string(), speakers: z.number().int() })),
    }),
  ),
  /** The accompanied person has not consented: the request cannot be offered. */
  personConsentMissing: z.boolean(),
});

export const OFFER_STATUSES = ['pending', 'accepted', 'declined', 'expired', 'withdrawn', 'superseded'] as const;

export const offerCreateInput = z.strictObject({
  guideIds: z.array(z.uuid()).min(1).max(20),
  message: z.string().trim().max(2000).default(''),
  /** Needed when a chosen guide is below the good-fit threshold or fails an overridable gate. */
  overrideReason: z.string().trim().min(5).max(1000).optional(),
  /** A shorter (urgent) or longer answer deadline than the office's default. */
  expiresInHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .optional(),
});

export const offerAnswerInput = z.strictObject({ reason: z.string().trim().max(1000).optional() });

/** What the caller may do with an offer (offers/policy.ts). */
export const offerAbilities = z.object({ accept: z.boolean(), decline: z.boolean(), withdraw: z.boolean() });
export type OfferAbilities = z.infer<typeof offerAbilities>;

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
  /** The office's time zone, in which the deadline is shown. */
  timeZone: z.string(),
  abilities: offerAbilities,
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
    place: z.string().nullable(),
    /** Where to meet, and whom to ask there. */
    meetingPoint: z.string().nullable(),
    onSiteContact: z.string().nullable(),
    startsOn: z.string(),
    endsOn: z.string().nullable(),
    frequency: z.string(),
    /** The requested weekly times. */
    slots: z.array(z.object({ weekday: z.number().int(), from: z.string(), to: z.string() })),
    expectedHours: z.number(),
    languages: z.array(z.string()),
    minorsInvolved: z.boolean(),
    /** Null for a request from the public form (no partner). */
    partnerName: z.string().nullable(),
    guidesNeeded: z.number().int(),
  }),
});

/** What the e-mail link's page shows: which request the link answers, until when, and whether it is still open. */
export const offerLinkSchema = z.object({
  status: z.enum(OFFER_STATUSES),
  requestTitle: z.string(),
  districtName: z.string(),
  startsOn: z.string(),
  expiresAt: isoDateTimeOut,
  timeZone: z.string(),
});

export const offerLinkParams = z.strictObject({ token: z.string().min(20).max(200) });
export const offerLinkAnswer = z.strictObject({
  answer: z.enum(['accept', 'decline']),
  reason: z.string().trim().max(1000).optional(),
});
