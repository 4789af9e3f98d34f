import type { Tx } from '../../db/client.js';
import { inOrder } from '../../db/inOrder.js';
import { BACKGROUND_CHECK_RULES } from '../../domain/backgroundCheck.js';
import { todayIn } from '../../domain/dates.js';
import { pauseWindow } from '../../domain/guidePause.js';
import { rankCandidates, scoreCandidate } from '../../domain/matching/score.js';
import { type CandidateScore, GOOD_FIT_THRESHOLD, type MatchRequest } from '../../domain/matching/types.js';
import type { LanguageLevel } from '../../shared/enums.js';
import type { OfficeSettings } from '../../shared/settings.js';
import { referenceRepository } from '../reference/repository.js';
import type { RequestRow } from '../requests/repository.js';
import { settingsRepository } from '../settings/repository.js';
import {
  type CandidateFilters,
  type CandidateWithName,
  countCandidates,
  findCandidates,
  type GateQuery,
  loadCandidate,
  speakersPerLanguage,
} from './repository.js';

export { GOOD_FIT_THRESHOLD };
/** Eligible guides scored exactly per request; the rest of the eligible ones are counted as "not considered". */
export const EXACTLY_SCORED = 150;
const NEAREST_NOT_ELIGIBLE = 25;

export type CandidatePage = { limit: number; offset: number };

export function matchRequestOf(request: RequestRow, settings: OfficeSettings): MatchRequest {
  return {
    type: request.type,
    languages: request.languages,
    languageGate: settings.languageGateForMediation,
    districtId: request.districtId,
    field: request.field,
    specialization: request.specialization,
    preferredGender: request.preferredGender,
    minorsInvolved: request.minorsInvolved,
    slots: request.slots,
    partnerId: request.partnerId,
    startsOn: request.startsOn,
    endsOn: request.endsOn,
  };
}

export function gateQueryOf(request: RequestRow, settings: OfficeSettings, today: string): GateQuery {
  return {
    officeId: request.officeId,
    minorsInvolved: request.minorsInvolved,
    languageGate: settings.languageGateForMediation && request.type === 'language_mediation',
    languages: request.languages,
    recheckAfterMonths: BACKGROUND_CHECK_RULES.recheckAfterMonths,
    today,
    pauseWindow: pauseWindow(request, today),
  };
}

async function context(tx: Tx, request: RequestRow, now: Date) {
  const settings = await settingsRepository.get(tx, request.officeId);
  const today = todayIn(settings.timeZone, now);
  const districtRows = await referenceRepository.listDistricts(tx, request.officeId);
  return {
    settings,
    today,
    districtNames: new Map(districtRows.map((d) => [d.id, d.name])),
    ctx: {
      districts: new Map(districtRows.map((d) => [d.id, { lat: d.lat, lon: d.lon }])),
      weights: settings.matchingWeights,
      today,
      goodFitThreshold: GOOD_FIT_THRESHOLD,
    },
    fairnessSince: new Date(now.getTime() - settings.fairnessWindowDays * 86_400_000),
  };
}

/** Scores one guide for a request exactly as the ranking would (offers outside the lists, acceptance checks). */
export async function scoreGuideForRequest(tx: Tx, request: RequestRow, guideId: string, now: Date) {
  const c = await context(tx, request, now);
  const guide = await loadCandidate(tx, guideId, request.partnerId, c.fairnessSince);
  if (!guide) return null;
  return { guide, score: scoreCandidate(guide, matchRequestOf(request, c.settings), c.ctx) };
}

/**
 * The ranked candidates of a request. Accounts for every guide of the office: ranked (eligible, scored), not
 * eligible (with the gates they fail, the nearest listed), not considered (beyond the lists), or filtered out.
 */
export async function rankForRequest(
  tx: Tx,
  request: RequestRow,
  now: Date,
  /** Guides who already have a pending offer for this request (the offers module knows). */
  pending: ReadonlySet<string>,
  filters: CandidateFilters = {},
  page: CandidatePage = { limit: EXACTLY_SCORED, offset: 0 },
) {
  const c = await context(tx, request, now);
  const gates = gateQueryOf(request, c.settings, c.today);
  const common = {
    ...gates,
    districtId: request.districtId,
    field: request.field,
    specialization: request.specialization,
    partnerId: request.partnerId,
    fairnessSince: c.fairnessSince,
    filters,
  };
  const related = relatedLanguages(request.languages, c.settings.languageProximity);
  const [eligibleRows, ineligibleRows, counts, speakers] = await inOrder(
    () => findCandidates(tx, { ...common, eligible: true, limit: EXACTLY_SCORED }),
    () => findCandidates(tx, { ...common, eligible: false, limit: NEAREST_NOT_ELIGIBLE }),
    () => countCandidates(tx, gates, filters),
    () =>
      speakersPerLanguage(tx, request.officeId, [
        ...new Set([...request.languages, ...related.flatMap((r) => r.related)]),
      ]),
  );
  const byId = new Map<string, CandidateWithName>([...eligibleRows, ...ineligibleRows].map((g) => [g.id, g]));
  const ranked = rankCandidates([...eligibleRows, ...ineligibleRows], matchRequestOf(request, c.settings), c.ctx);
  const view = (s: CandidateScore) => {
    const g = byId.get(s.guideId) as CandidateWithName;
    return {
      ...s,
      firstName: g.firstName,
      lastName: g.lastName,
      languages: g.languages as { code: string; level: LanguageLevel }[],
      homeDistrictName: g.homeDistrictId ? (c.districtNames.get(g.homeDistrictId) ?? null) : null,
      certifiedAt: g.certifiedAt,
      activeAssignments: g.activeAssignments,
      maxActiveAssignments: g.maxActiveAssignments,
      pendingOffer: pending.has(s.guideId),
    };
  };
  const eligible = ranked.eligible.map(view);
  const notEligibleTotal = counts.matchingFilters - counts.eligible;
  return {
    eligible: eligible.slice(page.offset, page.offset + page.limit),
    eligibleTotal: eligible.length,
    notEligible: ranked.notEligible.map(view),
    noGoodFit: !eligible.some((s) => s.score >= GOOD_FIT_THRESHOLD),
    threshold: GOOD_FIT_THRESHOLD,
    weights: c.settings.matchingWeights,
    consideredGuides: byId.size,
    accounting: {
      guides: counts.guides,
      ranked: eligible.length,
      notEligibleListed: ranked.notEligible.length,
      notEligible: notEligibleTotal,
      notConsidered: counts.eligible - eligible.length + (notEligibleTotal - ranked.notEligible.length),
      filteredOut: counts.guides - counts.matchingFilters,
      failedGates: counts.failedGates,
    },
    languageCoverage: request.languages.map((code) => ({
      code,
      speakers: speakers.get(code) ?? 0,
      related: (related.find((r) => r.code === code)?.related ?? []).map((rel) => ({
        code: rel,
        speakers: speakers.get(rel) ?? 0,
      })),
    })),
    personConsentMissing: !request.personConsentGiven,
  };
}

/** The office's language-proximity pairs are symmetric: Dari ↔ Persian. */
export function relatedLanguages(codes: string[], pairs: OfficeSettings['languageProximity']) {
  return codes.map((code) => ({
    code,
    related: [
      ...new Set(pairs.flatMap(([a, b]) => (a === code ? [b] : b === code ? [a] : [])).filter((x) => x !== code)),
    ],
  }));
}
