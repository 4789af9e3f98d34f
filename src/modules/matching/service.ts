import type { Tx } from '../../db/client.js';
import { inOrder } from '../../db/inOrder.js';
import { addMonths, todayIso } from '../../domain/dates.js';
import { rankCandidates } from '../../domain/matching/score.js';
import type { CandidateScore } from '../../domain/matching/types.js';
import { offerRepository } from '../offers/repository.js';
import { referenceRepository } from '../reference/repository.js';
import type { RequestRow } from '../requests/repository.js';
import { settingsRepository } from '../settings/repository.js';
import { type CandidateWithName, findCandidates } from './repository.js';

/** Below this total score a candidate is a weak fit: the UI says so and offering needs an override reason. */
export const GOOD_FIT_THRESHOLD = 60;
const EXACTLY_SCORED = 150;
const NEAREST_NOT_ELIGIBLE = 25;

export async function rankForRequest(tx: Tx, request: RequestRow, now: Date) {
  const settings = await settingsRepository.get(tx, request.officeId);
  const today = todayIso(now);
  const common = {
    officeId: request.officeId,
    languages: request.languages,
    districtId: request.districtId,
    field: request.field,
    minorsInvolved: request.minorsInvolved,
    partnerId: request.partnerId,
    checkValidSince: addMonths(today, -60),
    fairnessSince: new Date(now.getTime() - settings.fairnessWindowDays * 86_400_000),
  };
  const [eligibleRows, ineligibleRows, districtRows, pending] = await inOrder(
    () => findCandidates(tx, { ...common, eligible: true, limit: EXACTLY_SCORED }),
    () => findCandidates(tx, { ...common, eligible: false, limit: NEAREST_NOT_ELIGIBLE }),
    () => referenceRepository.listDistricts(tx, request.officeId),
    () => offerRepository.pendingGuideIds(tx, request.id),
  );
  const ctx = {
    districts: new Map(districtRows.map((d) => [d.id, { lat: d.lat, lon: d.lon }])),
    weights: settings.matchingWeights,
    today,
  };
  const matchRequest = {
    languages: request.languages,
    districtId: request.districtId,
    field: request.field,
    specialization: null,
    preferredGender: request.preferredGender,
    minorsInvolved: request.minorsInvolved,
    slots: request.slots,
    partnerId: request.partnerId,
  };
  const byId = new Map<string, CandidateWithName>([...eligibleRows, ...ineligibleRows].map((g) => [g.id, g]));
  const ranked = rankCandidates([...eligibleRows, ...ineligibleRows], matchRequest, ctx);
  const view = (c: CandidateScore) => {
    const g = byId.get(c.guideId) as CandidateWithName;
    return {
      ...c,
      firstName: g.firstName,
      lastName: g.lastName,
      activeAssignments: g.activeAssignments,
      maxActiveAssignments: g.maxActiveAssignments,
      pendingOffer: pending.has(c.guideId),
    };
  };
  const eligible = ranked.eligible.map(view);
  return {
    eligible,
    notEligible: ranked.notEligible.map(view),
    noGoodFit: !eligible.some((c) => c.score >= GOOD_FIT_THRESHOLD),
    threshold: GOOD_FIT_THRESHOLD,
    weights: settings.matchingWeights,
    consideredGuides: byId.size,
  };
}
