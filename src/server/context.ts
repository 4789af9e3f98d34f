import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import type { Mailer } from '../modules/mail/mailer.js';
import type { Locale, Role } from '../shared/enums.js';
import type { AppMetrics } from './metrics.js';

/** Everything a service needs, passed explicitly: the CLI, jobs and tests call the same services. */
export type AppContext = {
  config: Config;
  database: Database;
  mailer: Mailer;
  now: () => Date;
  /** Prometheus metrics of this process (GET /metrics); jobs and the mailer report through it. */
  metrics?: AppMetrics;
};

/** The signed-in user a service acts for. */
export type Actor = {
  /** The user account; for an actor without one (a guide answering by e-mail link) see `accountless`. */
  userId: string;
  /** How the actor acts when not through a signed-in session. */
  via?: 'email_link' | 'system';
  /** True when `userId` is not a user account (e.g. a guide without an account answering by link). */
  accountless?: boolean;
  role: Role;
  officeId: string | null;
  partnerId: string | null;
  guideId: string | null;
  displayName: string;
  email: string;
  locale: Locale;
};

/** The CLI and the seed act as the system, never as a person. */
export const SYSTEM_ACTOR: Actor = {
  userId: '00000000-0000-0000-0000-000000000000',
  role: 'platform_admin',
  officeId: null,
  partnerId: null,
  guideId: null,
  displayName: 'System',
  email: 'system@lotsennetz.invalid',
  locale: 'de',
};

/** The user id to record for an actor: never an id that is not a user account. */
export const recordedUserId = (actor: Actor): string | null => (actor.accountless ? null : actor.userId);

/** Office-bound actors only; platform-wide actions use the system scope explicitly. */
export function officeOf(actor: Actor): string {
  if (!actor.officeId) throw new Error('actor has no office');
  return actor.officeId;
}
