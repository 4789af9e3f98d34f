/** Accounts, sessions, one-time links and the shared sign-in throttle. */
import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ROLES } from '../../shared/enums.js';
import { createdAt, id, oneOf, updatedAt } from './columns.js';
import { fundingPrograms } from './funding.js';
import { guides } from './guides.js';
import { offices } from './offices.js';
import { partners } from './partners.js';

export const users = pgTable(
  'users',
  {
    id: id(),
    /** Null only for platform admins. */
    officeId: uuid('office_id').references(() => offices.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash'),
    role: text('role', { enum: ROLES }).notNull(),
    locale: text('locale').notNull().default('de'),
    partnerId: uuid('partner_id').references(() => partners.id, { onDelete: 'set null' }),
    guideId: uuid('guide_id').references(() => guides.id, { onDelete: 'set null' }),
    /** A funder's programme: the only offices whose aggregates the account sees (modules/land). */
    programmeId: uuid('programme_id').references(() => fundingPrograms.id, { onDelete: 'restrict' }),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    oneOf('users_role_check', t.role, ROLES),
    uniqueIndex('users_email_unique').on(t.email),
    index('users_office_idx').on(t.officeId),
    // A funder belongs to exactly one programme and to no office; nobody else has a programme.
    check(
      'users_funder_programme_check',
      sql`(${t.role} = 'funder') = (${t.programmeId} is not null) and (${t.role} <> 'funder' or ${t.officeId} is null)`,
    ),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie value: a leaked table does not yield usable cookies. */
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const authTokens = pgTable('auth_tokens', {
  id: text('id').primaryKey(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  kind: text('kind').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  createdAt: createdAt(),
});

/**
 * Failed sign-in and reset attempts, shared by every server instance. The key is a hash (of "account:<e-mail>",
 * "address:<ip>" or "pair:<e-mail>|<ip>"), so the table holds no address in the clear.
 */
export const throttleEvents = pgTable(
  'throttle_events',
  {
    id: id(),
    keyHash: text('key_hash').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('throttle_events_key_at_idx').on(t.keyHash, t.at)],
);
