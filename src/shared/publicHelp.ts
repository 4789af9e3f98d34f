/**
 * The public "ask for help" form (issue 14 §3): a person or family asks an office for a guide without an account.
 * One contract for the JSON API and the server-rendered HTML form (modules/publicHelp).
 */
import { z } from 'zod';
import { CONTACT_CHANNELS } from '../domain/requestStatus.js';
import { LOCALES } from './enums.js';
import { isKnownLanguage, type LANGUAGE_CODES } from './reference-data.js';
import { AGE_GROUPS, REQUEST_TYPES } from './requests.js';

export { CONTACT_CHANNELS };

/**
 * The languages offered as tick boxes on the form (a phone has no room for a hundred): the languages most asked
 * for in the programmes. Any other known code is accepted by the API, and the office can add languages later.
 */
export const FORM_LANGUAGES: readonly (typeof LANGUAGE_CODES)[number][] = [
  'ar',
  'fa',
  'prs',
  'kmr',
  'ckb',
  'ps',
  'tr',
  'ru',
  'uk',
  'ti',
  'so',
  'fr',
  'en',
  'de',
];

const languageCode = z.string().refine(isKnownLanguage, { message: 'validation.languageUnknown' });
const PHONE = /^[+0-9 ()/-]{5,40}$/;
const EMAIL = z.email().max(254);

export const helpRequestInput = z
  .strictObject({
    /** Name or initials of the person who needs help: only coordinators read it (request_contacts). */
    name: z.string().trim().min(1).max(100),
    ageGroup: z.enum(AGE_GROUPS),
    householdSize: z.number().int().min(1).max(20),
    /** Whether children or young people are concerned (the background-check gate depends on it). */
    minorsInvolved: z.boolean().default(false),
    /** One of the office's fields of action (reference data of requests). */
    field: z.string().regex(/^[a-z0-9_]{1,40}$/, { message: 'validation.key' }),
    type: z.enum(REQUEST_TYPES),
    description: z.string().trim().min(10).max(2000),
    languages: z.array(languageCode).min(1).max(5),
    districtId: z.uuid(),
    contactChannel: z.enum(CONTACT_CHANNELS),
    contactValue: z.string().trim().min(1).max(200),
    /** The language the form was filled in: the consent version agreed to and the confirmation mail use it. */
    language: z.enum(LOCALES),
    consentTextId: z.uuid(),
    consentGiven: z.literal(true),
    formToken: z.string().min(1).max(500),
    /** Honeypot: invisible to people; a bot that fills it in is refused. */
    website: z.string().max(500).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.contactChannel === 'email' && !EMAIL.safeParse(v.contactValue).success)
      ctx.addIssue({ code: 'custom', path: ['contactValue'], message: 'validation.invalid_email' });
    if (v.contactChannel === 'phone' && !PHONE.test(v.contactValue))
      ctx.addIssue({ code: 'custom', path: ['contactValue'], message: 'validation.phone' });
    if (new Set(v.languages).size !== v.languages.length)
      ctx.addIssue({ code: 'custom', path: ['languages'], message: 'validation.duplicate' });
  });
export type HelpRequestInput = z.input<typeof helpRequestInput>;

export const helpFormQuery = z.strictObject({ language: z.enum(LOCALES).default('de') });

/** What the form shows: the office, its districts and fields of action, and the person consent text in force. */
export const helpFormSchema = z.object({
  office: z.object({ name: z.string(), city: z.string(), slug: z.string() }),
  languages: z.array(z.enum(LOCALES)),
  districts: z.array(z.object({ id: z.uuid(), name: z.string() })),
  fields: z.array(z.object({ key: z.string(), name: z.string() })),
  personLanguages: z.array(z.object({ code: z.string(), name: z.string() })),
  consent: z
    .object({
      textId: z.uuid(),
      version: z.number().int(),
      language: z.enum(LOCALES),
      title: z.string(),
      body: z.string(),
    })
    .nullable(),
  /** Signed with the issue time: the submission must come at least a few seconds later (spam protection). */
  formToken: z.string(),
});
export type HelpForm = z.infer<typeof helpFormSchema>;
