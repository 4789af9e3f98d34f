/**
 * The fixed vocabularies of hours and programmes (issue 11). The office names its own hour categories; each one is
 * of one of these kinds, so rules (caps, allowances, recognition) can reason about them in every office alike.
 */
export const HOUR_CATEGORY_KINDS = [
  'deployment',
  'plenum',
  'course',
  'supervision',
  'publicTalk',
  'coordination',
  'other',
] as const;
export type HourCategoryKind = (typeof HOUR_CATEGORY_KINDS)[number];

/** A month's time sheet; a month without a row is open (the guide is still filling it in). */
export const TIME_SHEET_STATUSES = ['submitted', 'returned', 'approved'] as const;
export type TimeSheetStatus = (typeof TIME_SHEET_STATUSES)[number];

/** The funding programmes whose hour and money rules the product knows. */
export const PROGRAMME_KINDS = ['hessenWir', 'niedersachsen', 'municipal'] as const;
export type ProgrammeKind = (typeof PROGRAMME_KINDS)[number];
