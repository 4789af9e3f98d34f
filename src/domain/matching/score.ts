import { clearedForMinors } from '../backgroundCheck.js';
import { pausedDuring, pauseWindow } from '../guidePause.js';
import { distanceKm } from './distance.js';
import {
  type CandidateGuide,
  type CandidateScore,
  type CriterionResult,
  type GateResult,
  GOOD_FIT_THRESHOLD,
  HARD_GATES,
  MATCH_CRITERIA,
  type MatchContext,
  type MatchRequest,
  OVERRIDABLE_GATES,
  type Slot,
} from './types.js';

/** How well a language level carries a deployment. */
export const LEVEL_SCORE: Record<string, number> = { native: 1, C2: 1, C1: 0.9, B2: 0.75, B1: 0.55, A2: 0.3, A1: 0.15 };

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

function overlapMinutes(a: Slot, b: Slot): number {
  if (a.weekday !== b.weekday) return 0;
  return Math.max(0, Math.min(minutes(a.to), minutes(b.to)) - Math.max(minutes(a.from), minutes(b.from)));
}

/** Consent and pledge must both be on record with version and date, and consent not withdrawn. */
export function consentOnRecord(guide: Pick<CandidateGuide, 'consent' | 'pledge'>): boolean {
  const c = guide.consent;
  const p = guide.pledge;
  return Boolean(c?.version && c.givenAt && !c.withdrawnAt && p?.version && p.at);
}

/** Whether the guide speaks at least one required language; true when the request needs none. */
export function speaksARequiredLanguage(
  guide: Pick<CandidateGuide, 'languages'>,
  request: Pick<MatchRequest, 'languages'>,
) {
  return request.languages.length === 0 || guide.languages.some((l) => request.languages.includes(l.code));
}

/** Every gate is a plain boolean: a missing value (null) fails the gate, it never drops the guide from both lists. */
export function evaluateGates(guide: CandidateGuide, request: MatchRequest, today: string): GateResult[] {
  const passed: Record<(typeof HARD_GATES)[number], boolean> = {
    active: guide.status === 'active',
    notPaused: !pausedDuring(
      guide.pauses ?? [],
      pauseWindow({ startsOn: request.startsOn ?? null, endsOn: request.endsOn ?? null }, today),
    ),
    certified: Boolean(guide.certifiedAt),
    consent: consentOnRecord(guide),
    backgroundCheck: !request.minorsInvolved || clearedForMinors(guide.backgroundCheck, today),
    capacity:
      Number.isFinite(guide.activeAssignments) &&
      Number.isFinite(guide.maxActiveAssignments) &&
      guide.activeAssignments < guide.maxActiveAssignments,
    language:
      !(request.languageGate && request.type === 'language_mediation') || speaksARequiredLanguage(guide, request),
  };
  return HARD_GATES.map((gate) => ({ gate, passed: passed[gate], overridable: OVERRIDABLE_GATES.includes(gate) }));
}

function languageCriterion(guide: CandidateGuide, request: MatchRequest): Pick<CriterionResult, 'score' | 'detail'> {
  if (request.languages.length === 0) return { score: 1, detail: { required: [] } };
  const levels = new Map(guide.languages.map((l) => [l.code, l.level]));
  const perLanguage = request.languages.map((code) => LEVEL_SCORE[levels.get(code) ?? ''] ?? 0);
  const missing = request.languages.filter((code) => !levels.has(code));
  // The mean: a missing language (0) can only pull the score down.
  const score = perLanguage.reduce((a, b) => a + b, 0) / perLanguage.length;
  return {
    score,
    detail: {
      matched: request.languages.filter((c) => levels.has(c)).map((c) => ({ code: c, level: levels.get(c) })),
      missing,
    },
  };
}

function distanceCriterion(
  guide: CandidateGuide,
  request: MatchRequest,
  ctx: MatchContext,
): Pick<CriterionResult, 'score' | 'detail'> {
  if (!request.districtId) return { score: 1, detail: { reason: 'no_district' } };
  if (guide.serviceDistrictIds.includes(request.districtId) || guide.homeDistrictId === request.districtId) {
    return { score: 1, detail: { km: 0, serviceDistrict: true } };
  }
  const target = ctx.districts.get(request.districtId);
  const origins = [guide.homeDistrictId, ...guide.serviceDistrictIds]
    .map((id) => (id ? ctx.districts.get(id) : undefined))
    .filter((p): p is NonNullable<typeof p> => Boolean(p));
  if (!target || origins.length === 0) return { score: 0.3, detail: { reason: 'unknown_location' } };
  const km = Math.min(...origins.map((o) => distanceKm(o, target)));
  const maxKm = ctx.maxDistanceKm ?? 15;
  return { score: Math.max(0, 1 - km / maxKm), detail: { km: Math.round(km * 10) / 10 } };
}

function skillsCriterion(guide: CandidateGuide, request: MatchRequest): Pick<CriterionResult, 'score' | 'detail'> {
  const fieldMatch = request.field ? guide.fields.includes(request.field) : null;
  const specMatch = request.specialization ? guide.specializations.includes(request.specialization) : null;
  if (fieldMatch === null && specMatch === null) return { score: 1, detail: {} };
  if (specMatch === null) return { score: fieldMatch ? 1 : 0, detail: { field: fieldMatch } };
  if (fieldMatch === null) return { score: specMatch ? 1 : 0, detail: { specialization: specMatch } };
  return {
    score: (fieldMatch ? 0.5 : 0) + (specMatch ? 0.5 : 0),
    detail: { field: fieldMatch, specialization: specMatch },
  };
}

function availabilityCriterion(
  guide: CandidateGuide,
  request: MatchRequest,
): Pick<CriterionResult, 'score' | 'detail'> {
  if (request.slots.length === 0) return { score: 1, detail: { reason: 'no_time_given' } };
  const wanted = request.slots.reduce((sum, s) => sum + Math.max(0, minutes(s.to) - minutes(s.from)), 0);
  if (wanted === 0) return { score: 1, detail: {} };
  const covered = request.slots.reduce(
    (sum, want) =>
      sum +
      Math.min(
        Math.max(0, minutes(want.to) - minutes(want.from)),
        guide.availability.reduce((s, have) => s + overlapMinutes(want, have), 0),
      ),
    0,
  );
  return { score: covered / wanted, detail: { coveredMinutes: covered, wantedMinutes: wanted } };
}

/**
 * Scores one guide for one request: hard gates first (any failure makes the guide ineligible, whatever the score),
 * then weighted criteria in 0..1, combined to 0..100. Pure: all data comes in, nothing is read.
 */
export function scoreCandidate(guide: CandidateGuide, request: MatchRequest, ctx: MatchContext): CandidateScore {
  const gates = evaluateGates(guide, request, ctx.today);
  const raw: Record<(typeof MATCH_CRITERIA)[number], Pick<CriterionResult, 'score' | 'detail'>> = {
    language: languageCriterion(guide, request),
    distance: distanceCriterion(guide, request, ctx),
    skills: skillsCriterion(guide, request),
    availability: availabilityCriterion(guide, request),
    gender: request.preferredGender
      ? { score: guide.gender === request.preferredGender ? 1 : 0, detail: { preferred: request.preferredGender } }
      : { score: 1, detail: {} },
    fairness: { score: 1 / (1 + guide.recentAssignments), detail: { recentAssignments: guide.recentAssignments } },
    continuity: {
      score: request.partnerId !== null && guide.previousPartnerIds.includes(request.partnerId) ? 1 : 0,
      detail: {},
    },
  };
  const criteria = MATCH_CRITERIA.map((criterion) => ({
    criterion,
    weight: Math.max(0, ctx.weights[criterion]),
    ...raw[criterion],
  }));
  const totalWeight = criteria.reduce((s, c) => s + c.weight, 0) || 1;
  const uncapped = Math.round((criteria.reduce((s, c) => s + c.weight * c.score, 0) / totalWeight) * 1000) / 10;
  // Without a shared language a deployment cannot work: a missing required language keeps the guide a weak fit,
  // however well everything else fits.
  const missing = (raw.language.detail.missing as string[] | undefined) ?? [];
  const threshold = ctx.goodFitThreshold ?? GOOD_FIT_THRESHOLD;
  const capped = missing.length > 0 && uncapped >= threshold;
  const lacks = criteria.filter((c) => c.weight > 0 && c.score < 0.5).map((c) => c.criterion);
  if (missing.length > 0 && !lacks.includes('language')) lacks.unshift('language');
  return {
    guideId: guide.id,
    eligible: gates.every((g) => g.passed),
    score: capped ? threshold - 1 : uncapped,
    gates,
    criteria,
    lacks,
    cap: missing.length > 0 ? { reason: 'missing_language', missing, uncapped } : null,
  };
}

/** Eligible guides by score (ties: fewer recent deployments first); ineligible ones listed separately with reasons. */
export function rankCandidates(guides: CandidateGuide[], request: MatchRequest, ctx: MatchContext) {
  const scored = guides.map((g) => ({ score: scoreCandidate(g, request, ctx), recent: g.recentAssignments }));
  const order = (a: (typeof scored)[number], b: (typeof scored)[number]) =>
    b.score.score - a.score.score || a.recent - b.recent || a.score.guideId.localeCompare(b.score.guideId);
  return {
    eligible: scored
      .filter((s) => s.score.eligible)
      .sort(order)
      .map((s) => s.score),
    notEligible: scored
      .filter((s) => !s.score.eligible)
      .sort(order)
      .map((s) => s.score),
  };
}
