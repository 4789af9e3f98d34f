/**
 * Rule-set versions are evidence (pure). A version is in use once its valid-from date has come (hours may have been
 * logged, capped or approved under it) or an approved month starts on or after it (its allowances were computed
 * under it). A version in use is never edited or deleted; a change is a new version with a later valid-from date,
 * and no new version may reach back over an approved month.
 */
export type VersionFacts = {
  /** Today in the office's time zone, `YYYY-MM-DD`. */
  today: string;
  /** The latest approved time-sheet month of the office, `YYYY-MM`; null when nothing is approved yet. */
  latestApprovedMonth: string | null;
};

const monthStart = (month: string) => `${month}-01`;

/** `2025-02` → `2025-02-28`. */
export function lastDayOfMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

/** Whether a version (by its valid-from date) has been used: then it is evidence. */
export function versionInUse(validFrom: string, facts: VersionFacts): boolean {
  if (validFrom <= facts.today) return true;
  return facts.latestApprovedMonth !== null && validFrom <= monthStart(facts.latestApprovedMonth);
}

export type NewVersionProblem =
  /** Would change the rules an approved month's allowances were computed under. */
  | { code: 'beforeApprovedMonth'; month: string }
  /** Not later than the latest version of the same rule set that is already in use. */
  | { code: 'notAfterVersionInUse'; validFrom: string };

/**
 * May a new version start on `validFrom`? `sameName` are the valid-from dates of the rule set's existing versions.
 * A first version may start in the past (an office sets up its rules for the running year), but never on or before
 * the first day of an approved month.
 */
export function checkNewVersion(
  validFrom: string,
  sameName: readonly string[],
  facts: VersionFacts,
): NewVersionProblem | null {
  if (facts.latestApprovedMonth !== null && validFrom <= monthStart(facts.latestApprovedMonth))
    return { code: 'beforeApprovedMonth', month: facts.latestApprovedMonth };
  const inUse = sameName.filter((d) => versionInUse(d, facts)).sort();
  const latest = inUse[inUse.length - 1];
  if (latest !== undefined && validFrom <= latest) return { code: 'notAfterVersionInUse', validFrom: latest };
  return null;
}
