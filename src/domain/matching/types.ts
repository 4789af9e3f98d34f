import type { DateRange } from '../guidePause.js';
import type { Point } from './distance.js';

export const MATCH_CRITERIA = [
  'language',
  'distance',
  'skills',
  'availability',
  'gender',
  'fairness',
  'continuity',
] as const;
export type MatchCriterion = (typeof MATCH_CRITERIA)[number];
export type MatchingWeights = Record<MatchCriterion, number>;

/** Defaults an office can change: language first, since without a shared language a deployment cannot work. */
export const DEFAULT_MATCHING_WEIGHTS: MatchingWeights = {
  language: 30,
  distance: 15,
  skills: 15,
  availability: 15,
  gender: 10,
  fairness: 10,
  continuity: 5,
};

/**
 * `notPaused`: none of the guide's own pauses (holiday, illness; `domain/guidePause.ts`) falls on the request's days.
 * `consent` needs the data-protection consent and the confidentiality pledge on record (version and date) and not
 * withdrawn; `language` applies only to language mediation, when the office makes it a hard gate.
 */
export const HARD_GATES = [
  'active',
  'notPaused',
  'certified',
  'consent',
  'backgroundCheck',
  'capacity',
  'language',
] as const;
export type HardGate = (typeof HARD_GATES)[number];
/** Below this total score a candidate is a weak fit: the UI says so and offering needs an override reason. */
export const GOOD_FIT_THRESHOLD = 60;

/** Gates a coordinator may override with a recorded reason. Certificate, consent and the background check are law or policy. */
export const OVERRIDABLE_GATES: readonly HardGate[] = ['active'];

export type Slot = { weekday: number; from: string; to: string };

export type CandidateGuide = {
  id: string;
  status: string;
  certifiedAt: string | null;
  /** The data-protection consent on record; null when none was ever recorded. */
  consent: { version: string | null; givenAt: string | null; withdrawnAt: string | null } | null;
  /** The confidentiality pledge (Verschwiegenheitserklärung) on record. */
  pledge: { version: string | null; at: string | null } | null;
  backgroundCheck: { checkedAt: string; issuedAt?: string | null; relevantConviction: boolean } | null;
  languages: { code: string; level: string }[];
  gender: string | null;
  homeDistrictId: string | null;
  serviceDistrictIds: string[];
  specializations: string[];
  fields: string[];
  availability: Slot[];
  maxActiveAssignments: number;
  activeAssignments: number;
  /** Deployments started in the fairness window (default 180 days). */
  recentAssignments: number;
  /** Partners this guide has worked for before (continuity). */
  previousPartnerIds: string[];
  /** The guide's own pauses (inclusive ISO date ranges); none when absent. */
  pauses?: DateRange[];
};

export type MatchRequest = {
  type: string;
  languages: string[];
  /** The office makes the language a hard gate for language mediation. */
  languageGate: boolean;
  districtId: string | null;
  field: string | null;
  specialization: string | null;
  preferredGender: string | null;
  minorsInvolved: boolean;
  slots: Slot[];
  /** Null for a request from the public form: no partner, so no continuity with one. */
  partnerId: string | null;
  /** The request's dates, for the pause gate; absent = today only. */
  startsOn?: string | null;
  endsOn?: string | null;
};

export type MatchContext = {
  districts: ReadonlyMap<string, Point>;
  weights: MatchingWeights;
  today: string;
  /** Distance at which the distance score reaches zero. */
  maxDistanceKm?: number;
  goodFitThreshold?: number;
};

export type CriterionResult = {
  criterion: MatchCriterion;
  /** 0..1 */
  score: number;
  weight: number;
  /** Machine-readable detail for the explanation, e.g. { km: 3.2 } or { missing: ['fa'] }. */
  detail: Record<string, unknown>;
};

export type GateResult = { gate: HardGate; passed: boolean; overridable: boolean };

export type CandidateScore = {
  guideId: string;
  eligible: boolean;
  /** 0..100, weighted */
  score: number;
  gates: GateResult[];
  criteria: CriterionResult[];
  /** Criteria where the guide is weak (score below 0.5), for "what each lacks". */
  lacks: MatchCriterion[];
  /** Set when a rule held the score below the good-fit threshold, e.g. a missing required language. */
  cap: { reason: 'missing_language'; missing: string[]; uncapped: number } | null;
};
