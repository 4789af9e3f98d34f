import { z } from 'zod';
import { email, isoDateTimeOut, optionalText, pagination, phone, shortText } from './common.js';
import { PARTNER_TYPES } from './enums.js';

const partnerFields = {
  name: shortText(200),
  type: z.enum(PARTNER_TYPES),
  street: optionalText(200),
  postalCode: z
    .string()
    .trim()
    .regex(/^\d{5}$/, { message: 'validation.postalCode' })
    .nullable()
    .optional(),
  city: optionalText(100),
  districtId: z.uuid().nullable().optional(),
  email: email.nullable().optional(),
  phone: phone.nullable().optional(),
  notes: optionalText(4000),
};

export const partnerCreateInput = z.strictObject(partnerFields);
export const partnerPatchInput = z
  .strictObject(partnerFields)
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'validation.emptyPatch' });
export type PartnerCreateInput = z.input<typeof partnerCreateInput>;
export type PartnerPatchInput = z.input<typeof partnerPatchInput>;

export const partnerContactInput = z.strictObject({
  name: shortText(200),
  email,
  phone: phone.nullable().optional(),
  /** Send an invitation so the contact can file requests in the partner portal. */
  invite: z.boolean().default(true),
});
export type PartnerContactInput = z.input<typeof partnerContactInput>;

export const partnerContactSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  accountStatus: z.enum(['none', 'invited', 'active', 'disabled']),
});

/** What the caller may do with a partner (partners/policy.ts). */
export const partnerAbilities = z.object({ update: z.boolean(), manageContacts: z.boolean() });
export type PartnerAbilities = z.infer<typeof partnerAbilities>;

export const partnerSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  type: z.enum(PARTNER_TYPES),
  street: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  districtId: z.uuid().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  notes: z.string().nullable(),
  contacts: z.array(partnerContactSchema),
  createdAt: isoDateTimeOut,
  updatedAt: isoDateTimeOut,
  abilities: partnerAbilities,
});
export type Partner = z.infer<typeof partnerSchema>;

export const partnerListQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  type: z.enum(PARTNER_TYPES).optional(),
  districtId: z.uuid().optional(),
  ...pagination,
});
