import { z } from 'zod';
import { listOf, shortText } from './common.js';
import { DISTRICT_TERMS, LOCALES } from './enums.js';
import { translationsInput, translationsSchema } from './localized.js';

/** What the caller may do with a district or a reference item. */
export const referenceAbilities = z.object({ update: z.boolean(), delete: z.boolean() });

export const districtInput = z.strictObject({
  name: shortText(100),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
});
export const districtPatchInput = districtInput
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'validation.emptyPatch' });
export const districtSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  lat: z.number(),
  lon: z.number(),
  abilities: referenceAbilities,
});
export type District = z.infer<typeof districtSchema>;
/** The districts with the office's word for them, so every page can label them as the office does. */
export const districtListSchema = listOf(districtSchema).extend({ term: z.enum(DISTRICT_TERMS) });

/**
 * Fields of action and specialisations share one shape: a stable key and an office-chosen name, in German (required)
 * and optionally in each other UI language (`translations`, '' or left out = none; readers then see German).
 */
const nameTranslations = translationsInput(100);
export const referenceKeyInput = z.strictObject({
  key: z.string().regex(/^[a-z0-9_]{1,40}$/, { message: 'validation.key' }),
  name: shortText(100),
  translations: nameTranslations.optional(),
});
/** A rename, new translations, or both; translations given replace the stored ones as a whole. */
export const referenceNamePatch = z
  .strictObject({ name: shortText(100).optional(), translations: nameTranslations.optional() })
  .refine((patch) => Object.keys(patch).length > 0, { message: 'validation.emptyPatch' });
/**
 * `name` is the German name, `translations` every other UI language ('' where the office has none). The SPA shows
 * each reader the name in their language with `localizedLabel` (src/shared/localized.ts), like the directory's texts.
 */
export const referenceItemSchema = z.object({
  key: z.string(),
  name: z.string(),
  translations: translationsSchema,
  abilities: referenceAbilities,
});
export type ReferenceItem = z.infer<typeof referenceItemSchema>;

export const languageSchema = z.object({ code: z.string(), name: z.string(), nativeName: z.string() });
export const countrySchema = z.object({ code: z.string(), name: z.string() });
export const referenceLocaleQuery = z.strictObject({ locale: z.enum(LOCALES).default('de') });
