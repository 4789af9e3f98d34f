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
  'retention.manage',
  'privacy.export',
  'privacy.exportOwn',
  'recruitment.manage',
  'courses.list',
  'courses.manage',
  'courses.own',
  'timesheets.own',
  'timesheets.manage',
  'expenses.own',
  'expenses.manage',
  'recognition.manage',
  'recognition.viewOwn',
  'rooms.manage',
  'reports.office',
  'messages.manage',
  'messages.own',
  'events.list',
  'events.manage',
  'directory.manage',
  'land.view',
  'programmes.manage',
] as const;
export type MeAbility = (typeof ME_ABILITIES)[number];
/** Every module-level ability as a required boolean: a key the server forgets fails the response schema. */
export const meAbilities = z.object(
  Object.fromEntries(ME_ABILITIES.map((key) => [key, z.boolean()])) as Record<MeAbility, z.ZodBoolean>,
);

export const meSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  locale: z.enum(LOCALES),
  office: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  partnerId: z.uuid().nullable(),
  guideId: z.uuid().nullable(),
  /** What the caller may do, per module; the UI builds its navigation from this. */
  abilities: meAbilities,
});
export type Me = z.infer<typeof meSchema>;

export const loginResponse = z.object({ me: meSchema, csrfToken: z.string() });
export const invitationSchema = z.object({
  email: z.string(),
  displayName: z.string(),
  kind: z.enum(['invite', 'reset']),
});
export const updateMeInput = z.strictObject({ locale: z.enum(LOCALES) });
