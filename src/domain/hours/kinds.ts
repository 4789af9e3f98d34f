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

/**
 * The categories every office starts with (labels are the German defaults; the office renames them). Seeds and
 * office creation insert them with `on conflict (office_id, key) do nothing`, so several callers agree.
 */
export const DEFAULT_HOUR_CATEGORIES: readonly { key: string; label: string; kind: HourCategoryKind }[] = [
  { key: 'deployment', label: 'Einsatz', kind: 'deployment' },
  { key: 'plenum', label: 'Plenum', kind: 'plenum' },
  { key: 'course', label: 'Kurs und Fortbildung', kind: 'course' },
  { key: 'supervision', label: 'Supervision und kollegiale Beratung', kind: 'supervision' },
  { key: 'public_talk', label: 'Öffentlichkeitsarbeit', kind: 'publicTalk' },
  { key: 'coordination', label: 'Koordination', kind: 'coordination' },
  { key: 'other', label: 'Sonstiges', kind: 'other' },
];

/** Benefits a guide receives that make allowances reportable (coordinator-only field). */
export const GUIDE_BENEFITS = ['none', 'buergergeld', 'asylblg'] as const;
export type GuideBenefits = (typeof GUIDE_BENEFITS)[number];

/** The tax-free allowance a guide's allowances are tracked against (Ehrenamtspauschale, or Übungsleiterpauschale
 * for trainers and similar work, §3 Nr. 26a / 26 EStG). */
export const TAX_FREE_KINDS = ['ehrenamtspauschale', 'uebungsleiterpauschale'] as const;
export type TaxFreeKindName = (typeof TAX_FREE_KINDS)[number];
