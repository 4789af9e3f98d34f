import type { Candidate } from '../../api/coordinationTypes';

export const fullName = (c: Pick<Candidate, 'firstName' | 'lastName'>) => `${c.firstName} ${c.lastName}`;

/** A gate that law or policy sets (certificate, consent, background check, capacity, language) cannot be overridden. */
export const selectable = (c: Candidate) => !c.pendingOffer && c.gates.every((g) => g.passed || g.overridable);

/** A weak fit, a failed overridable gate, or a guide picked outside the lists: the offer needs a recorded reason. */
export const needsReason = (c: Chosen, threshold: number) =>
  c.outside || !c.candidate.eligible || c.candidate.score < threshold;

/** A guide chosen for the offer; kept with its scores so the choice survives paging and filtering. */
export type Chosen = { candidate: Candidate; outside: boolean };

export type CandidateFilterValues = { q: string; language: string; districtId: string; hasCapacity: boolean };
export const NO_FILTERS: CandidateFilterValues = { q: '', language: '', districtId: '', hasCapacity: false };

export const hasFilters = (f: CandidateFilterValues) => Boolean(f.q || f.language || f.districtId || f.hasCapacity);

export const CANDIDATE_PAGE = 20;
