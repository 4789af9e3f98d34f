/**
 * Fundable course cost under a funder's published rules (pure). Two programmes are built in, with the numbers
 * they publish; an office keeps its own copies as rule sets, each valid from a date, and edits the numbers when a
 * funder changes them (a change is a new rule set from a new date, so past reports keep their numbers).
 *
 * - Niedersachsen ("per_unit"): up to 50 UE per course, 25 € per UE, 50 € per UE taught by two teachers at once,
 *   and up to 600 € for materials.
 * - Hessen WIR ("per_participant_unit"): 12.50 € per participant and UE, for courses of 20 to 36 UE.
 *
 * Money is in cents throughout.
 */
export const FUNDING_KINDS = ['per_unit', 'per_participant_unit'] as const;
export type FundingKind = (typeof FUNDING_KINDS)[number];

export type PerUnitParams = {
  /** Per UE taught by one teacher. */
  unitCents: number;
  /** Per UE taught by two (or more) teachers at once. */
  twoTeacherUnitCents: number;
  /** UE funded at most per course. */
  maxUnits: number;
  /** Materials funded at most per course. */
  materialsMaxCents: number;
};
export type PerParticipantUnitParams = {
  /** Per participant and UE. */
  participantUnitCents: number;
  /** The course must have at least / at most this many UE to be fundable at all. */
  minUnits: number;
  maxUnits: number;
};
export type FundingRule =
  | { kind: 'per_unit'; params: PerUnitParams }
  | { kind: 'per_participant_unit'; params: PerParticipantUnitParams };

export const FUNDING_TEMPLATES = {
  niedersachsen: {
    kind: 'per_unit',
    params: { unitCents: 2500, twoTeacherUnitCents: 5000, maxUnits: 50, materialsMaxCents: 60000 },
  },
  hessen_wir: {
    kind: 'per_participant_unit',
    params: { participantUnitCents: 1250, minUnits: 20, maxUnits: 36 },
  },
} as const satisfies Record<string, FundingRule>;
export type FundingTemplate = keyof typeof FUNDING_TEMPLATES;

/** What a course delivered: its sessions held (UE and how many teachers taught at once) and its participants. */
export type CourseDelivery = {
  sessions: { teachingUnits: number; teachers: number }[];
  participants: number;
  materialsCents: number;
};

export type FundingResult = {
  fundable: boolean;
  /** Why nothing or less is fundable: stable codes for the UI. */
  notes: ('unitsCapped' | 'materialsCapped' | 'tooFewUnits' | 'tooManyUnits')[];
  unitsHeld: number;
  unitsFunded: number;
  teachingCents: number;
  materialsCents: number;
  totalCents: number;
};

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

export function fundableAmount(rule: FundingRule, delivery: CourseDelivery): FundingResult {
  const unitsHeld = sum(delivery.sessions.map((s) => s.teachingUnits));
  if (rule.kind === 'per_unit') {
    const p = rule.params;
    // Two-teacher UE are counted first: when the cap bites, the funder pays the dearer units it can.
    const units = delivery.sessions
      .flatMap((s) =>
        Array.from({ length: s.teachingUnits }, () => (s.teachers >= 2 ? p.twoTeacherUnitCents : p.unitCents)),
      )
      .sort((a, b) => b - a);
    const funded = units.slice(0, p.maxUnits);
    const materials = Math.min(Math.max(0, delivery.materialsCents), p.materialsMaxCents);
    const notes: FundingResult['notes'] = [];
    if (units.length > p.maxUnits) notes.push('unitsCapped');
    if (delivery.materialsCents > p.materialsMaxCents) notes.push('materialsCapped');
    const teachingCents = sum(funded);
    return {
      fundable: true,
      notes,
      unitsHeld,
      unitsFunded: funded.length,
      teachingCents,
      materialsCents: materials,
      totalCents: teachingCents + materials,
    };
  }
  const p = rule.params;
  const notes: FundingResult['notes'] = [];
  if (unitsHeld < p.minUnits) notes.push('tooFewUnits');
  if (unitsHeld > p.maxUnits) notes.push('tooManyUnits');
  const fundable = notes.length === 0;
  const teachingCents = fundable ? p.participantUnitCents * delivery.participants * unitsHeld : 0;
  return {
    fundable,
    notes,
    unitsHeld,
    unitsFunded: fundable ? unitsHeld : 0,
    teachingCents,
    materialsCents: 0,
    totalCents: teachingCents,
  };
}

/** How many people taught a session at once, from its printed trainer names ("A. Beispiel, O. Muster" → 2). */
export function teachersOf(trainerNames: string | null | undefined): number {
  if (!trainerNames?.trim()) return 1;
  return Math.max(1, trainerNames.split(/\s*(?:,|;|\/|&|\+|\bund\b|\band\b)\s*/i).filter((n) => n.trim()).length);
}

/** The rule set valid on a day: the newest whose valid-from is on or before it. */
export function ruleSetValidOn<T extends { validFrom: string }>(sets: readonly T[], day: string): T | undefined {
  return [...sets].filter((s) => s.validFrom <= day).sort((a, b) => b.validFrom.localeCompare(a.validFrom))[0];
}

export type RuleSetProblem = 'noneChosen' | 'notValidYet';

/**
 * A course's fundable amount under the rule set it is reported under: the version of `ruleSetName` valid on the
 * course's first day, applied to what it delivered. The one computation behind the course report and the office
 * report (issue 13 §1); `namedSets` are the office's rule sets of that name.
 */
export function courseFunding<T extends { validFrom: string; kind: FundingKind; params: Record<string, number> }>(
  ruleSetName: string | null | undefined,
  namedSets: readonly T[],
  firstDay: string,
  delivery: CourseDelivery,
): { ruleSet: T | undefined; problem: RuleSetProblem | null; result: FundingResult | null } {
  if (!ruleSetName) return { ruleSet: undefined, problem: 'noneChosen', result: null };
  const ruleSet = ruleSetValidOn(namedSets, firstDay);
  if (!ruleSet) return { ruleSet: undefined, problem: 'notValidYet', result: null };
  return {
    ruleSet,
    problem: null,
    result: fundableAmount({ kind: ruleSet.kind, params: ruleSet.params } as FundingRule, delivery),
  };
}
