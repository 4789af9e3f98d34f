/** In-app notifications (the bell) and each user's mail preference per kind (issue 12 §4). */
import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { NOTIFICATION_CHANNELS, NOTIFICATION_KINDS } from '../../shared/notifications.js';
import { users } from './accounts.js';
import { createdAt, id, oneOf } from './columns.js';
import { offices } from './offices.js';

export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    /** Null only for platform admins' notifications. */
    officeId: uuid('office_id').references(() => offices.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: NOTIFICATION_KINDS }).notNull(),
    /** Values for the translated text (notifications.kinds.<kind>), so it reads in the user's language of today. */
    params: jsonb('params').$type<Record<string, string | number>>().notNull().default({}),
    /** Where the notification leads in the SPA (a path such as /events/…); never a secret. */
    link: text('link'),
    readAt: timestamp('read_at', { withTimezone: true }),
    /** Set when the notification was mailed, immediately or in a digest, so it is mailed once. */
    mailedAt: timestamp('mailed_at', { withTimezone: true }),
    /** Set when the notification was handed to the push job (issue 14), so each is pushed at most once. */
    pushedAt: timestamp('pushed_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    oneOf('notifications_kind_check', t.kind, NOTIFICATION_KINDS),
    index('notifications_user_idx').on(t.userId, t.createdAt),
    index('notifications_unread_idx').on(t.userId).where(sql`read_at is null`),
  ],
);

export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    officeId: uuid('office_id').references(() => offices.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: NOTIFICATION_KINDS }).notNull(),
    channel: text('channel', { enum: NOTIFICATION_CHANNELS }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.kind] }),
    oneOf('notification_preferences_kind_check', t.kind, NOTIFICATION_KINDS),
    oneOf('notification_preferences_channel_check', t.channel, NOTIFICATION_CHANNELS),
  ],
);
