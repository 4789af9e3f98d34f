import { z } from 'zod';
import { abilities, email, isoDateTimeOut, shortText } from './common.js';

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
export const officeSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  city: z.string(),
  guideCount: z.number().int(),
  userCount: z.number().int(),
  createdAt: isoDateTimeOut,
  abilities,
});
export type Office = z.infer<typeof officeSchema>;

export const userInviteInput = z.strictObject({
  email,
  displayName: shortText(200),
  role: z.enum(['coordinator', 'guide']),
  guideId: z.uuid().optional(),
});
export const userSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  role: z.string(),
  status: z.enum(['invited', 'active', 'disabled']),
  lastLoginAt: isoDateTimeOut.nullable(),
  abilities,
});
export const userPatchInput = z.strictObject({ disabled: z.boolean() });
