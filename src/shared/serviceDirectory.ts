import { z } from 'zod';
import { REQUEST_MATTERS } from '../domain/outOfScope.js';
import { shortText } from './common.js';

/**
 * Links stored by a coordinator are opened by others (guides, partners, the request page): only web, mail and phone
 * links, never `javascript:`, `data:` or `file:`. A refused value answers the field error `urlScheme`.
 */
export const LINK_PROTOCOLS = /^(https?|mailto|tel)$/;
export const linkUrl = (max: number) => z.url({ protocol: LINK_PROTOCOLS, message: 'validation.urlScheme' }).max(max);

/** Regeldienste and Beratungsstellen: where out-of-scope matters are referred to. */
const serviceFields = {
  name: shortText(200),
  topics: z.array(z.enum(REQUEST_MATTERS)).min(1).max(REQUEST_MATTERS.length),
  phone: z.string().trim().max(40).nullable().optional(),
  email: z.email().max(254).nullable().optional(),
  url: linkUrl(300).nullable().optional(),
  address: z.string().trim().max(300).nullable().optional(),
  languages: z.array(z.string().max(10)).max(20),
  notes: z.string().trim().max(2000).nullable().optional(),
};
export const serviceInput = z.strictObject({ ...serviceFields, languages: serviceFields.languages.default([]) });
/** No defaults in PATCH: a field the caller did not send must not be reset (zod applies defaults inside partial). */
export const servicePatchInput = z
  .strictObject(serviceFields)
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'validation.emptyPatch' });
/** What the caller may do with a directory entry. */
export const serviceAbilities = z.object({ update: z.boolean(), delete: z.boolean() });

export const serviceSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  topics: z.array(z.enum(REQUEST_MATTERS)),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  url: z.string().nullable(),
  address: z.string().nullable(),
  languages: z.array(z.string()),
  notes: z.string().nullable(),
  abilities: serviceAbilities,
});
