import { z } from 'zod';
import { email, isoDateTimeOut, shortText } from './common.js';
import { LOCALES } from './enums.js';

export const officeCreateInput = z.strictObject({
  name: shortText(200),
  city: shortText(100),
  /** Optional first coordinator; an invitation is mailed to them. */
  coordinatorEmail: email.optional(),
  coordinatorName: shortText(200).optional(),
});
export const officePatchInput = z
  .strictObject({ name: shortText(200).optional(), city: shortText(100).optional() })
  .refine((patch) => Object.keys(patch).length > 0, { message: 'validation.emptyPatch' });
/** What the caller may do with an office (offices/policy.ts). */
export const officeAbilities = z.object({
  update: z.boolean(),
  manageCoordinators: z.boolean(),
  deactivate: z.boolean(),
  reactivate: z.boolean(),
});
export type OfficeAbilities = z.infer<typeof officeAbilities>;

export const officeSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  city: z.string(),
  /** Counts only, never personal data: guides, accounts, and coordinators among them. */
  guideCount: z.number().int(),
  userCount: z.number().int(),
  coordinatorCount: z.number().int(),
  deactivatedAt: isoDateTimeOut.nullable(),
  createdAt: isoDateTimeOut,
  abilities: officeAbilities,
});

/** An office's coordinator accounts, for the platform admin (no other personal data of the office). */
export const coordinatorSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  status: z.enum(['invited', 'active', 'disabled']),
  lastLoginAt: isoDateTimeOut.nullable(),
});
export const coordinatorInviteInput = z.strictObject({ email, displayName: shortText(200) });
export const officeCoordinatorParams = z.strictObject({ id: z.uuid(), userId: z.uuid() });
export type Office = z.infer<typeof officeSchema>;

export const userInviteInput = z.strictObject({
  email,
  displayName: shortText(200),
  role: z.enum(['coordinator', 'guide']),
  guideId: z.uuid().optional(),
});
/** What the caller may do with an account (users/policy.ts). */
export const userAbilities = z.object({ disable: z.boolean() });
export type UserAbilities = z.infer<typeof userAbilities>;

export const userSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  role: z.string(),
  locale: z.enum(LOCALES),
  status: z.enum(['invited', 'active', 'disabled']),
  lastLoginAt: isoDateTimeOut.nullable(),
  abilities: userAbilities,
});
export const userPatchInput = z.strictObject({ disabled: z.boolean() });
