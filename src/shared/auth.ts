import { z } from 'zod';
import { email } from './common.js';
import { LOCALES, ROLES } from './enums.js';

/** Current guidance (NIST SP 800-63B, BSI): length over composition rules; long passphrases allowed. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;
export const newPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, { message: 'validation.passwordTooShort' })
  .max(PASSWORD_MAX_LENGTH);

export const loginInput = z.strictObject({ email, password: z.string().min(1).max(PASSWORD_MAX_LENGTH) });
export const passwordResetRequestInput = z.strictObject({ email });
export const setPasswordInput = z.strictObject({ password: newPassword });
export const tokenParams = z.strictObject({ token: z.string().min(20).max(200) });

export const meSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  locale: z.enum(LOCALES),
  office: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  partnerId: z.uuid().nullable(),
  guideId: z.uuid().nullable(),
  /** What the caller may do, per module (keys: ME_ABILITIES); the UI builds its navigation from this. */
  abilities: z.record(z.string(), z.boolean()),
});
export type Me = z.infer<typeof meSchema>;
/** The module-level abilities of /me: one source for the server (session/me.ts) and the SPA's navigation. */
export const ME_ABILITIES = [
  'guides.list',
  'guides.create',
  'guides.viewOwn',
  'partners.list',
  'partners.viewOwn',
  'settings.manage',
  'users.manage',
  'outbox.read',
  'audit.read',
  'offices.manage',
  'requests.list',
  'requests.create',
  'offers.viewOwn',
  'assignments.list',
  'dashboard.view',
  'services.manage',
  'privacy.export',
  'privacy.exportOwn',
] as const;
export type MeAbility = (typeof ME_ABILITIES)[number];

export const loginResponse = z.object({ me: meSchema, csrfToken: z.string() });
export const invitationSchema = z.object({
  email: z.string(),
  displayName: z.string(),
  kind: z.enum(['invite', 'reset']),
});
export const updateMeInput = z.strictObject({ locale: z.enum(LOCALES) });
