/** Enumerations shared by server, OpenAPI and web. One source of truth. */
/** The UI languages: German is the source, the others are translations (`src/shared/i18n/meta.json`). */
export const LOCALES = ['de', 'en', 'ar', 'fa', 'tr', 'ru', 'uk'] as const;
export type Locale = (typeof LOCALES)[number];
export const RTL_LOCALES: readonly Locale[] = ['ar', 'fa'];

/** trainer and funder are reserved: later modules add their policies. */
export const ROLES = ['platform_admin', 'coordinator', 'guide', 'partner_contact', 'trainer', 'funder'] as const;
export type Role = (typeof ROLES)[number];

export const GUIDE_STATUSES = ['interested', 'in_training', 'active', 'paused', 'left'] as const;
export type GuideStatus = (typeof GUIDE_STATUSES)[number];

/** CEFR levels plus native speaker, strongest first. */
export const LANGUAGE_LEVELS = ['native', 'C2', 'C1', 'B2', 'B1', 'A2', 'A1'] as const;
export type LanguageLevel = (typeof LANGUAGE_LEVELS)[number];

export const GENDERS = ['female', 'male', 'diverse'] as const;
export type Gender = (typeof GENDERS)[number];

export const PARTNER_TYPES = [
  'municipal_social_service',
  'welfare_association',
  'school_kita',
  'refugee_housing',
  'counselling_service',
  'migrant_organisation',
  'other',
] as const;
export type PartnerType = (typeof PARTNER_TYPES)[number];

/** What an office calls its areas (districts): cities differ, the UI uses one word throughout. */
export const DISTRICT_TERMS = ['Stadtbezirk', 'Ortsteil'] as const;
export type DistrictTerm = (typeof DISTRICT_TERMS)[number];

/** ISO weekday numbers: 1 = Monday ... 7 = Sunday. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export const BACKGROUND_CHECK_STATES = ['missing', 'valid', 'due', 'expired'] as const;
export type BackgroundCheckState = (typeof BACKGROUND_CHECK_STATES)[number];
