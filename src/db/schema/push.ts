/** Web Push subscriptions of users' devices and guides' own pauses (issue 14 §2). */
import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { createdAt, id } from './columns.js';
import { guides } from './guides.js';
import { offices } from './offices.js';

/**
 * One browser's push subscription. The endpoint is a capability URL (whoever knows it, with the keys, can push to the
 * device): it is never logged, audited or exported, and only its owner lists or deletes it. One endpoint belongs to
 * one user: a device that subscribes again for another account is taken over by that account.
 */
export const pushSubscriptions = pgTable(
  'push_subscriptions',
  {
    id: id(),
    /** Null only for platform admins (no office), like their notifications. */
    officeId: uuid('office_id').references(() => offices.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    endpoint: text('endpoint').notNull(),
    /** The browser's ECDH public key (P-256, base64url) and auth secret (base64url), RFC 8291. */
    p256dh: text('p256dh').notNull(),
    auth: text('auth').notNull(),
    /** SHA-256 of the endpoint (hex): lets the SPA find "this device" in the list without the endpoint leaving the server. */
    endpointHash: text('endpoint_hash').notNull(),
    /** A short label of the browser (e.g. "Firefox · Android") for the owner's list. */
    deviceLabel: text('device_label'),
    createdAt: createdAt(),
    lastSuccessAt: timestamp('last_success_at', { withTimezone: true }),
    lastFailureAt: timestamp('last_failure_at', { withTimezone: true }),
    /** HTTP status of the last failed delivery (0 = no answer). */
    lastFailureStatus: integer('last_failure_status'),
  },
  (t) => [
    uniqueIndex('push_subscriptions_endpoint_hash_key').on(t.endpointHash),
    index('push_subscriptions_user_idx').on(t.userId),
  ],
);

/**
 * A guide's own absence (holiday, illness) from one date to another, both inclusive. Unlike the coordinator's status
 * `paused`, it has dates: matching leaves the guide out only for requests whose dates fall into it.
 */
export const guidePauses = pgTable(
  'guide_pauses',
  {
    id: id(),
    officeId: uuid('office_id')
      .notNull()
      .references(() => offices.id, { onDelete: 'cascade' }),
    guideId: uuid('guide_id')
      .notNull()
      .references(() => guides.id, { onDelete: 'cascade' }),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    reason: text('reason'),
    createdAt: createdAt(),
  },
  (t) => [
    check('guide_pauses_range_check', sql`${t.endsOn} >= ${t.startsOn}`),
    index('guide_pauses_guide_idx').on(t.guideId, t.endsOn),
  ],
);
