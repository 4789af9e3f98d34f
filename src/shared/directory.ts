/**
 * The central information point (issue 13 §4): a public, multilingual directory of the guide projects on this
 * installation. An office opts in and chooses what appears; the directory shows no person, and the languages its
 * guides speak are published as rounded counts, only for languages enough active guides speak.
 */
import { z } from 'zod';
import { email, listOf, phone } from './common.js';
import { LOCALES, type Locale } from './enums.js';
import { slugParams } from './recruitment.js';

/** A language appears only when at least this many active guides speak it (no small groups that point at a person). */
export const DIRECTORY_MIN_GUIDES = 3;
/** Published counts are rounded to this step, so a single guide joining or leaving does not show. */
export const DIRECTORY_COUNT_STEP = 5;

const longText = z.string().trim().max(2000);
const perLocale = <T extends z.ZodType>(text: T) =>
  Object.fromEntries(LOCALES.map((l) => [l, text])) as Record<Locale, T>;
/** The office's own text in each UI language; a language left out is empty (the reader then sees German). */
export const localizedText = z.strictObject(perLocale(longText.default('')));
export type LocalizedText = z.infer<typeof localizedText>;

const fieldKey = z.string().regex(/^[a-z0-9_]{1,40}$/);
/** Only web links for the public page: the directory is read by anyone. */
const websiteUrl = z.url({ protocol: /^https?$/, message: 'validation.urlScheme' }).max(300);

/** The office's directory settings, as the coordinator edits them (Settings → Directory). */
export const directorySettingsInput = z
  .strictObject({
    listed: z.boolean(),
    provider: z.string().trim().max(200),
    description: localizedText,
    howToGetHelp: localizedText,
    areas: z.array(z.string().trim().min(1).max(100)).max(100),
    /** The centre point for the map; both or neither. Plausible WGS 84 ranges. */
    lat: z.number().min(-90).max(90).nullable(),
    lon: z.number().min(-180).max(180).nullable(),
    contactEmail: email.nullable(),
    contactPhone: phone.nullable(),
    website: websiteUrl.nullable(),
    showLanguages: z.boolean(),
    fieldKeys: z.array(fieldKey).max(50),
    showVolunteerForm: z.boolean(),
  })
  .superRefine((v, ctx) => {
    if ((v.lat === null) !== (v.lon === null))
      ctx.addIssue({ code: 'custom', path: [v.lat === null ? 'lat' : 'lon'], message: 'validation.pointIncomplete' });
    if (new Set(v.fieldKeys).size !== v.fieldKeys.length)
      ctx.addIssue({ code: 'custom', path: ['fieldKeys'], message: 'validation.duplicate' });
  });
export type DirectorySettingsInput = z.infer<typeof directorySettingsInput>;

export const directorySettingsSchema = z.object({
  listed: z.boolean(),
  provider: z.string(),
  description: z.object(perLocale(z.string())),
  howToGetHelp: z.object(perLocale(z.string())),
  areas: z.array(z.string()),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
  website: z.string().nullable(),
  showLanguages: z.boolean(),
  fieldKeys: z.array(z.string()),
  showVolunteerForm: z.boolean(),
  /** The address part of the office's public page (/directory/{slug}); null while the office has none. */
  slug: z.string().nullable(),
});
export type DirectorySettings = z.infer<typeof directorySettingsSchema>;

export const directoryQuery = z.strictObject({ language: z.enum(LOCALES).default('de') });
export const directorySlugParams = slugParams;

/** A text in the language asked for, else in German; `language` says which, for the page's lang attribute. */
const shownText = z.object({ text: z.string(), language: z.enum(LOCALES) }).nullable();

/** One office as the public sees it. Deliberately no person: no guide, coordinator or contact person's name. */
export const directoryOfficeSchema = z.object({
  slug: z.string(),
  name: z.string(),
  city: z.string(),
  provider: z.string().nullable(),
  description: shownText,
  areas: z.array(z.string()),
  location: z.object({ lat: z.number(), lon: z.number() }).nullable(),
  /** Languages with at least DIRECTORY_MIN_GUIDES active guides, counts rounded to DIRECTORY_COUNT_STEP; null when hidden. */
  languages: z.array(z.object({ code: z.string(), approxGuides: z.number().int() })).nullable(),
  fields: z.array(z.object({ key: z.string(), name: z.string() })),
  howToGetHelp: shownText,
  contact: z.object({ email: z.string().nullable(), phone: z.string().nullable(), website: z.string().nullable() }),
  /** The office's public "become a guide" form (/volunteer/{slug}), when it chose to link it. */
  volunteerFormPath: z.string().nullable(),
});
export type DirectoryOffice = z.infer<typeof directoryOfficeSchema>;
export const directoryListSchema = listOf(directoryOfficeSchema);
export type DirectoryList = z.infer<typeof directoryListSchema>;
