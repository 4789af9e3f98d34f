/**
 * A team budget of paid hours (Hessen WIR): the office may move hours between its guides, as long as the team
 * stays within its budget and no guide is given more than their own cap (pure).
 */
export type TeamAllocation = { guideId: string; hours: number; capHours: number | null };
export type TeamBudgetProblem =
  | { code: 'aboveCap'; guideId: string; hours: number; capHours: number }
  | { code: 'aboveBudget'; totalHours: number; budgetHours: number }
  | { code: 'negative'; guideId: string };

export function checkTeamBudget(budgetHours: number, allocations: readonly TeamAllocation[]): TeamBudgetProblem[] {
  const problems: TeamBudgetProblem[] = [];
  for (const a of allocations) {
    if (a.hours < 0) problems.push({ code: 'negative', guideId: a.guideId });
    if (a.capHours !== null && a.hours > a.capHours)
      problems.push({ code: 'aboveCap', guideId: a.guideId, hours: a.hours, capHours: a.capHours });
  }
  const totalHours = allocations.reduce((sum, a) => sum + a.hours, 0);
  if (totalHours > budgetHours) problems.push({ code: 'aboveBudget', totalHours, budgetHours });
  return problems;
}

/** Moves hours from one guide to another; answers the new allocations, or the problems that forbid the move. */
export function moveTeamHours(
  budgetHours: number,
  allocations: readonly TeamAllocation[],
  fromGuideId: string,
  toGuideId: string,
  hours: number,
): { ok: true; allocations: TeamAllocation[] } | { ok: false; problems: TeamBudgetProblem[] } {
  const next = allocations.map((a) =>
    a.guideId === fromGuideId
      ? { ...a, hours: a.hours - hours }
      : a.guideId === toGuideId
        ? { ...a, hours: a.hours + hours }
        : { ...a },
  );
  const problems = checkTeamBudget(budgetHours, next);
  return problems.length ? { ok: false, problems } : { ok: true, allocations: next };
}

/**
 * May `minutes` more paid minutes be logged by one guide when the team shares a budget? The budget is the team's
 * (every guide's own cap still applies separately, see caps.ts): blocked when the team's paid minutes would pass it.
 */
export function checkTeamEntry(
  teamUsedMinutes: number,
  minutes: number,
  budgetHours: number | null,
): { allowed: true } | { allowed: false; remainingMinutes: number } {
  if (budgetHours === null || teamUsedMinutes + minutes <= budgetHours * 60) return { allowed: true };
  return { allowed: false, remainingMinutes: Math.max(0, budgetHours * 60 - teamUsedMinutes) };
}

/** A guide's share of the team budget, with the paid minutes they have used this year. */
export type TeamShare = TeamAllocation & { usedMinutes: number };
export type TeamMoveProblem = TeamBudgetProblem | { code: 'belowUsed'; guideId: string; usedMinutes: number };

/**
 * Moves `hours` of the team budget: from a guide's share (or from the unallocated rest when `fromGuideId` is null)
 * to another guide's share (or back to the rest when `toGuideId` is null). Refused when a share would pass the
 * guide's cap, the shares together the budget, or a share would fall below the hours its guide has already used.
 */
export function moveTeamBudget(
  budgetHours: number,
  shares: readonly TeamShare[],
  fromGuideId: string | null,
  toGuideId: string | null,
  hours: number,
): { ok: true; shares: TeamShare[] } | { ok: false; problems: TeamMoveProblem[] } {
  const next = shares.map((s) =>
    s.guideId === fromGuideId
      ? { ...s, hours: s.hours - hours }
      : s.guideId === toGuideId
        ? { ...s, hours: s.hours + hours }
        : { ...s },
  );
  const problems: TeamMoveProblem[] = checkTeamBudget(budgetHours, next);
  const from = next.find((s) => s.guideId === fromGuideId);
  if (from && from.hours >= 0 && from.hours * 60 < from.usedMinutes)
    problems.push({ code: 'belowUsed', guideId: from.guideId, usedMinutes: from.usedMinutes });
  return problems.length ? { ok: false, problems } : { ok: true, shares: next };
}
