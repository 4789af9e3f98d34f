/**
 * Age groups of the statistics, from the birth year alone (the form asks for no birth day): the age a guide reaches
 * in the period's last year. Bounds as the funders' forms group them (Hessen, Niedersachsen ask for these bands).
 */
export const GUIDE_AGE_GROUPS = [
  { key: 'under_25', min: 0, max: 24 },
  { key: '25_39', min: 25, max: 39 },
  { key: '40_54', min: 40, max: 54 },
  { key: '55_64', min: 55, max: 64 },
  { key: '65_plus', min: 65, max: 200 },
] as const;
export type AgeGroup = (typeof GUIDE_AGE_GROUPS)[number]['key'] | 'not_stated';

export function ageGroupOf(birthYear: number | null, inYear: number): AgeGroup {
  if (birthYear === null) return 'not_stated';
  const age = inYear - birthYear;
  return GUIDE_AGE_GROUPS.find((g) => age >= g.min && age <= g.max)?.key ?? 'not_stated';
}
